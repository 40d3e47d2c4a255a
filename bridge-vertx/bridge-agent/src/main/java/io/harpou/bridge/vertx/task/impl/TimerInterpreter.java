package io.harpou.bridge.vertx.task.impl;

import io.harpou.bridge.api.agent.Action;
import io.harpou.bridge.api.agent.ActionTarget;
import io.harpou.bridge.api.agent.Interpretation;
import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolGate;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** Sets timers and reminders from plain English and French phrasings, through {@code set_timer}. */
public final class TimerInterpreter implements Interpreter {

  @Override
  public String id() {
    return "timers";
  }

  @Override
  public Future<Interpretation> interpret(Utterance utterance, ToolContext context, ToolGate tools) {
    Optional<TimerPhrases.Request> parsed = TimerPhrases.parse(utterance.text());
    if (parsed.isEmpty()) {
      return Future.succeededFuture(Interpretation.notMine());
    }
    TimerPhrases.Request request = parsed.get();
    JsonObject args = new JsonObject();
    if (request.duration() != null) {
      args.put("seconds", request.duration().toSeconds());
    } else {
      args.put("at", request.at().toString());
    }
    if (request.message() != null) {
      args.put("message", request.message());
    }
    boolean french = utterance.language().startsWith("fr");
    return tools.execute(ToolCall.of("set_timer", args), utterance).map(result -> {
      if (result.error() || result.json() == null) {
        return Interpretation.handled(Reply.error(result.content(), utterance.conversationId()));
      }
      String id = result.json().getString("task_id");
      String when = result.json().getString("when");
      String speech;
      if (request.message() != null) {
        speech = french ? "D'accord, je vous le rappellerai " + (request.at() != null ? "à " : "dans ") + when + "."
            : "OK, I'll remind you " + (request.at() != null ? "at " : "in ") + when + ".";
      } else {
        speech = french ? "Minuteur réglé pour " + when + "." : "Timer set for " + when + ".";
      }
      Action action = new Action("set_timer",
          List.of(new ActionTarget("task", id, result.json().getString("title"))), true);
      return Interpretation.handled(new Reply(speech, Reply.Type.ACTION_DONE, List.of(action), List.of(id), false,
          utterance.conversationId()));
    });
  }
}
