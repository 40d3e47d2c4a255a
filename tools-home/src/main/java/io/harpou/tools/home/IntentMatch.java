package io.harpou.tools.home;

import io.harpou.bridge.api.tool.ToolCall;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What the local intent matcher made of a sentence: a tool call to run, a question to ask back (which device? which
 * room?), an answer that needs no action (the time, "there is no light in the garage"), or nothing ("not mine").
 *
 * @param intent the intent recognised, or null when not mine
 * @param call the tool call to run through the executor, or null
 * @param entityIds the entities the call targets
 * @param question a question to ask the user instead of acting, or null
 * @param answer a sentence to say instead of acting, or null
 * @param hints how to word the answer of a query (what was asked), never null
 */
public record IntentMatch(String intent, ToolCall call, List<String> entityIds, String question, String answer,
                          JsonObject hints) {

  private static final IntentMatch NOT_MINE = new IntentMatch(null, null, List.of(), null, null, new JsonObject());

  /** Copies the list and defaults the hints. */
  public IntentMatch {
    entityIds = entityIds == null ? List.of() : List.copyOf(entityIds);
    hints = hints == null ? new JsonObject() : hints;
  }

  /** Nothing matched with confidence. */
  public static IntentMatch notMine() {
    return NOT_MINE;
  }

  /** A call to run. */
  public static IntentMatch call(String intent, ToolCall call, List<String> entityIds, JsonObject hints) {
    return new IntentMatch(intent, call, entityIds, null, null, hints);
  }

  /** A question to ask back. */
  public static IntentMatch ask(String intent, String question) {
    return new IntentMatch(intent, null, List.of(), question, null, null);
  }

  /**
   * A sentence to say without acting; {@code hints} says whether it reports a refusal ({@code "refused": true}) or
   * answers a question.
   */
  public static IntentMatch say(String intent, String answer, boolean refused) {
    return new IntentMatch(intent, null, List.of(), null, answer, new JsonObject().put("refused", refused));
  }

  /** True when neither a call, a question nor an answer came out. */
  public boolean isNotMine() {
    return call == null && question == null && answer == null;
  }

  /** True when the user must answer a question first. */
  public boolean isQuestion() {
    return question != null;
  }

  /** True when there is only something to say. */
  public boolean isAnswer() {
    return answer != null;
  }
}
