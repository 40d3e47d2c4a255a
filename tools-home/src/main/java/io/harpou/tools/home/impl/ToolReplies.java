package io.harpou.tools.home.impl;

import io.harpou.bridge.api.agent.Action;
import io.harpou.bridge.api.agent.ActionTarget;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.tools.home.IntentMatch;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/** The reply to a local intent once its tool has run: an answer to a question, or what was done. */
final class ToolReplies {

  /** Tools that only read: their reply answers a question. */
  private static final Set<String> READS = Set.of("get_state", "get_weather", "timer_status", "get_list_items");

  private ToolReplies() {
  }

  static Reply reply(IntentMatch match, ToolResult result, List<ActionTarget> targets, Utterance utterance,
                     ExposedHomeImpl home) {
    String conversation = utterance.conversationId();
    String language = utterance.language();
    String tool = match.call().name();
    if (result.error()) {
      return new Reply(result.content(), Reply.Type.ERROR, List.of(new Action(tool, targets, false)), List.of(),
          false, conversation);
    }
    if (tool.equals("get_state")) {
      return Reply.answer(Answers.format(match, result, language, id -> home.entity(id)
          .map(e -> Messages.spoken(language, e)).orElse(id)), conversation);
    }
    if (READS.contains(tool)) {
      return Reply.answer(text(result), conversation);
    }
    if (tool.equals("set_timer") && result.json() != null) {
      JsonObject json = result.json();
      String when = json.getString("when");
      String speech = Messages.say(language, match.call().arguments().containsKey("at") ? "reminder_at"
          : "reminder_in", when);
      String id = json.getString("task_id");
      return new Reply(speech, Reply.Type.ACTION_DONE, List.of(new Action(tool,
          List.of(new ActionTarget("task", id, json.getString("title"))), true)), List.of(id), false, conversation);
    }
    String speech = text(result);
    String leftAlone = match.hints().getString("left_alone");
    if (leftAlone != null) {
      speech = speech + " " + Messages.say(language, "left_alone", leftAlone);
    }
    return Reply.done(speech, List.of(new Action(tool, targets, true)), conversation);
  }

  private static String text(ToolResult result) {
    return result.text() != null ? result.text() : result.json().getString("message", result.content());
  }
}
