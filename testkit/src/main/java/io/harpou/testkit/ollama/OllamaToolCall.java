package io.harpou.testkit.ollama;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One tool call a scripted reply makes, with well-formed arguments (an object, as Ollama sends them) or raw
 * arguments (a string put where the object belongs, to exercise a client's handling of malformed calls).
 *
 * @param name the tool's name
 * @param arguments the arguments object, or {@code null} when {@code rawArguments} is given
 * @param rawArguments a string sent verbatim as the {@code arguments} value, or {@code null}
 */
public record OllamaToolCall(String name, JsonObject arguments, String rawArguments) {

  /** Checks that the call has a name and exactly one form of arguments. */
  public OllamaToolCall {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a tool call needs a name");
    }
    if (arguments != null && rawArguments != null) {
      throw new IllegalArgumentException("a tool call has either arguments or raw_arguments, not both");
    }
    if (arguments == null && rawArguments == null) {
      arguments = new JsonObject();
    }
  }

  /** A well-formed call; the arguments may carry wrong types on purpose, they are sent as given. */
  public static OllamaToolCall of(String name, JsonObject arguments) {
    return new OllamaToolCall(name, Objects.requireNonNull(arguments, "arguments"), null);
  }

  /** A malformed call whose {@code arguments} field is the given string instead of an object. */
  public static OllamaToolCall malformed(String name, String rawArguments) {
    return new OllamaToolCall(name, null, Objects.requireNonNull(rawArguments, "rawArguments"));
  }

  /** Whether the arguments are sent as a string rather than an object. */
  public boolean isMalformed() {
    return rawArguments != null;
  }

  /** The script form: {@code {"name", "arguments"}} or {@code {"name", "raw_arguments"}}. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("name", name);
    return rawArguments != null
        ? json.put("raw_arguments", rawArguments)
        : json.put("arguments", arguments.copy());
  }

  /** Reads the script form; unknown keys are ignored. */
  public static OllamaToolCall fromJson(JsonObject json) {
    return new OllamaToolCall(
        json.getString("name"), json.getJsonObject("arguments"), json.getString("raw_arguments"));
  }
}
