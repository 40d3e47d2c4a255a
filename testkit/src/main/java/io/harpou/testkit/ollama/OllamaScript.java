package io.harpou.testkit.ollama;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A whole script for the scripted Ollama: ordered replies served first, then rules (first match wins), then a
 * fallback. The JSON form is described in the package documentation.
 *
 * @param queue replies served one each, in order, to the next chat requests whatever they say
 * @param rules rules tried in order once the queue is empty
 * @param fallback the answer when the queue is empty and no rule matches, or {@code null} for the built-in one
 */
public record OllamaScript(List<OllamaReply> queue, List<OllamaRule> rules, OllamaReply fallback) {

  /** Copies the lists. */
  public OllamaScript {
    queue = queue == null ? List.of() : List.copyOf(queue);
    rules = rules == null ? List.of() : List.copyOf(rules);
  }

  /** The empty script: every message gets the fallback answer. */
  public static OllamaScript empty() {
    return new OllamaScript(List.of(), List.of(), null);
  }

  /** The JSON form; empty parts are omitted. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    if (!queue.isEmpty()) {
      JsonArray array = new JsonArray();
      queue.forEach(reply -> array.add(reply.toJson()));
      json.put("queue", array);
    }
    if (!rules.isEmpty()) {
      JsonArray array = new JsonArray();
      rules.forEach(rule -> array.add(rule.toJson()));
      json.put("rules", array);
    }
    if (fallback != null) {
      json.put("fallback", fallback.toJson());
    }
    return json;
  }

  /**
   * Reads the JSON form; unknown keys are ignored.
   *
   * @throws IllegalArgumentException naming the problem when the script is not well formed
   */
  public static OllamaScript fromJson(JsonObject json) {
    try {
      List<OllamaReply> queue = json.getJsonArray("queue", new JsonArray()).stream()
          .map(entry -> OllamaReply.fromJson(OllamaReply.asObject(entry, "queue")))
          .toList();
      List<OllamaRule> rules = json.getJsonArray("rules", new JsonArray()).stream()
          .map(entry -> OllamaRule.fromJson(OllamaReply.asObject(entry, "rules")))
          .toList();
      JsonObject fallback = json.getJsonObject("fallback");
      return new OllamaScript(queue, rules, fallback == null ? null : OllamaReply.fromJson(fallback));
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("malformed Ollama script: a field has the wrong type", e);
    }
  }

  /**
   * Parses a script from its JSON text.
   *
   * @throws IllegalArgumentException when the text is not JSON or not a well-formed script
   */
  public static OllamaScript parse(String text) {
    try {
      return fromJson(new JsonObject(text));
    } catch (DecodeException e) {
      throw new IllegalArgumentException("Ollama script is not valid JSON: " + e.getMessage(), e);
    }
  }
}
