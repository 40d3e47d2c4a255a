package io.harpou.testkit.ollama;

import io.harpou.testkit.ollama.impl.ChatImages;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request the scripted Ollama received, kept for assertions.
 *
 * @param method the HTTP method
 * @param path the request path, such as {@code /api/chat}
 * @param body the parsed JSON body; empty when there was none or it was not a JSON object
 * @param rawBody the body as received, empty when there was none
 * @param query the query string, without its {@code ?}; empty when there was none
 * @param headers the request headers, names in lower case (the last value of a repeated header)
 */
public record RecordedRequest(String method, String path, JsonObject body, String rawBody, String query,
                              Map<String, String> headers) {

  /** Checks the fields. */
  public RecordedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    body = body == null ? new JsonObject() : body;
    rawBody = rawBody == null ? "" : rawBody;
    query = query == null ? "" : query;
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  /** A request without query or headers. */
  public RecordedRequest(String method, String path, JsonObject body, String rawBody) {
    this(method, path, body, rawBody, null, null);
  }

  /** A header's value, by name in any case, or {@code null}. */
  public String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }

  /** The requested model name, or {@code null}. */
  public String model() {
    return body.getString("model");
  }

  /** Whether the answer is streamed; like Ollama, a request without {@code stream} streams. */
  public boolean stream() {
    return body.getBoolean("stream", true);
  }

  /** The chat messages, empty for other requests. */
  public JsonArray messages() {
    return body.getJsonArray("messages", new JsonArray());
  }

  /** The tool definitions offered to the model, empty when none. */
  public JsonArray tools() {
    return body.getJsonArray("tools", new JsonArray());
  }

  /** The names of the tools offered to the model, in order. */
  public List<String> toolNames() {
    return tools().stream()
        .filter(JsonObject.class::isInstance)
        .map(tool -> ((JsonObject) tool).getJsonObject("function", new JsonObject()).getString("name"))
        .filter(Objects::nonNull)
        .toList();
  }

  /** The model options (temperature, num_ctx, ...), empty when none. */
  public JsonObject options() {
    return body.getJsonObject("options", new JsonObject());
  }

  /** The {@code think} flag, or {@code null} when the request leaves it unset. */
  public Boolean think() {
    return body.getBoolean("think");
  }

  /** The content of the last user message, or {@code null} when there is none. */
  public String lastUserMessage() {
    JsonArray messages = messages();
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.getValue(i) instanceof JsonObject message && "user".equals(message.getString("role"))) {
        return message.getString("content", "");
      }
    }
    return null;
  }

  /**
   * The images the chat messages carry, decoded, in order: Ollama's {@code images} field and OpenAI's
   * {@code image_url} content parts with {@code data:} URLs.
   */
  public List<byte[]> images() {
    return ChatImages.of(messages());
  }

  /** A short description for assertion messages. */
  @Override
  public String toString() {
    return method + " " + path + " " + rawBody;
  }
}
