package io.harpou.testkit.ollama;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * A scripted rule: when a chat request matches, answer with the reply, for a number of times or for ever.
 *
 * @param when which requests the rule applies to
 * @param reply the answer
 * @param times how many requests the rule answers before it is used up, or {@link #REPEAT}
 */
public record OllamaRule(OllamaMatch when, OllamaReply reply, int times) {

  /** The {@code times} of a rule that never wears out. */
  public static final int REPEAT = -1;

  /** Checks the fields. */
  public OllamaRule {
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(reply, "reply");
    if (times != REPEAT && times < 1) {
      throw new IllegalArgumentException("times must be at least 1, or REPEAT");
    }
  }

  /** This rule answering one request only. */
  public OllamaRule once() {
    return times(1);
  }

  /** This rule answering the given number of requests. */
  public OllamaRule times(int count) {
    return new OllamaRule(when, reply, count);
  }

  /** Whether the rule never wears out. */
  public boolean repeats() {
    return times == REPEAT;
  }

  /** The script form: {@code {"when": {...}, "reply": {...}, "times": n}}, {@code times} omitted when repeating. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("when", when.toJson()).put("reply", reply.toJson());
    return repeats() ? json : json.put("times", times);
  }

  /** Reads the script form; unknown keys are ignored, a missing {@code when} matches everything. */
  public static OllamaRule fromJson(JsonObject json) {
    JsonObject reply = json.getJsonObject("reply");
    if (reply == null) {
      throw new IllegalArgumentException("a rule needs a 'reply'");
    }
    return new OllamaRule(
        OllamaMatch.fromJson(json.getJsonObject("when", new JsonObject())),
        OllamaReply.fromJson(reply),
        json.getInteger("times", REPEAT));
  }
}
