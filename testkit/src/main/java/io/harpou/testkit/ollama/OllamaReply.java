package io.harpou.testkit.ollama;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the scripted server answers to one {@code /api/chat} request: text, thinking, tool calls, or an HTTP error,
 * optionally after a delay.
 *
 * @param text the answer text (streamed word by word when the request streams); empty when there is none
 * @param thinking the thinking text sent in {@code message.thinking}, or {@code null}
 * @param toolCalls the tool calls, possibly empty
 * @param errorStatus an HTTP status from 400 to 599 to answer with instead of a message, or 0 for none
 * @param errorMessage the text of Ollama's {@code {"error": ...}} body when {@code errorStatus} is set
 * @param delay how long to wait before answering
 */
public record OllamaReply(
    String text,
    String thinking,
    List<OllamaToolCall> toolCalls,
    int errorStatus,
    String errorMessage,
    Duration delay) {

  /** Checks the fields and fills in defaults. */
  public OllamaReply {
    text = text == null ? "" : text;
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    delay = delay == null ? Duration.ZERO : delay;
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative");
    }
    if (errorStatus != 0 && (errorStatus < 400 || errorStatus > 599)) {
      throw new IllegalArgumentException("error status must be 400..599, got " + errorStatus);
    }
    if (errorStatus != 0) {
      errorMessage = errorMessage == null || errorMessage.isBlank() ? "scripted error" : errorMessage;
    } else if (errorMessage != null) {
      throw new IllegalArgumentException("an error message needs an error status");
    }
  }

  /** A plain text answer. */
  public static OllamaReply text(String text) {
    return new OllamaReply(Objects.requireNonNull(text, "text"), null, List.of(), 0, null, null);
  }

  /** An answer made of one or more tool calls and no text. */
  public static OllamaReply toolCalls(OllamaToolCall... calls) {
    if (calls.length == 0) {
      throw new IllegalArgumentException("at least one tool call");
    }
    return new OllamaReply("", null, List.of(calls), 0, null, null);
  }

  /** An answer calling one tool with well-formed arguments. */
  public static OllamaReply toolCall(String name, JsonObject arguments) {
    return toolCalls(OllamaToolCall.of(name, arguments));
  }

  /** An answer calling one tool whose {@code arguments} field is the given string instead of an object. */
  public static OllamaReply malformedToolCall(String name, String rawArguments) {
    return toolCalls(OllamaToolCall.malformed(name, rawArguments));
  }

  /** An HTTP error with Ollama's {@code {"error": message}} body. */
  public static OllamaReply error(int status, String message) {
    return new OllamaReply("", null, List.of(), status, message, null);
  }

  /** This reply with thinking text added. */
  public OllamaReply withThinking(String thinking) {
    return new OllamaReply(text, thinking, toolCalls, errorStatus, errorMessage, delay);
  }

  /** This reply with its text replaced. */
  public OllamaReply withText(String text) {
    return new OllamaReply(text, thinking, toolCalls, errorStatus, errorMessage, delay);
  }

  /** This reply sent only after the given delay. */
  public OllamaReply delayed(Duration delay) {
    return new OllamaReply(text, thinking, toolCalls, errorStatus, errorMessage, delay);
  }

  /** Whether this reply is an HTTP error. */
  public boolean isError() {
    return errorStatus != 0;
  }

  /** The script form; empty and default fields are omitted. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    if (!text.isEmpty()) {
      json.put("text", text);
    }
    if (thinking != null) {
      json.put("thinking", thinking);
    }
    if (!toolCalls.isEmpty()) {
      JsonArray calls = new JsonArray();
      toolCalls.forEach(call -> calls.add(call.toJson()));
      json.put("tool_calls", calls);
    }
    if (isError()) {
      json.put("error", new JsonObject().put("status", errorStatus).put("message", errorMessage));
    }
    if (!delay.isZero()) {
      json.put("delay_ms", delay.toMillis());
    }
    return json;
  }

  /** Reads the script form; unknown keys are ignored. */
  public static OllamaReply fromJson(JsonObject json) {
    JsonArray calls = json.getJsonArray("tool_calls", new JsonArray());
    List<OllamaToolCall> toolCalls =
        calls.stream().map(call -> OllamaToolCall.fromJson(asObject(call, "tool_calls"))).toList();
    JsonObject error = json.getJsonObject("error");
    Long delayMs = json.getLong("delay_ms");
    return new OllamaReply(
        json.getString("text"),
        json.getString("thinking"),
        toolCalls,
        error == null ? 0 : error.getInteger("status", 500),
        error == null ? null : error.getString("message"),
        delayMs == null ? null : Duration.ofMillis(delayMs));
  }

  static JsonObject asObject(Object value, String field) {
    if (value instanceof JsonObject object) {
      return object;
    }
    throw new IllegalArgumentException("each entry of '" + field + "' must be an object");
  }
}
