package io.harpou.bridge.vertx.monitor.impl;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.event.AlertChanged;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * How a household member answers a repair session from any door (console, satellite, chat): {@code list_alerts}
 * tells the open alerts and their questions, and {@code answer_repair} passes the member's answer on. Answering is
 * PROTECTED, so the policy first asks the member, bound to them, about exactly the repair they approve: a model
 * talked into calling it cannot approve anything by itself.
 */
public final class RepairTools {

  private RepairTools() {
  }

  /** The two tools. */
  public static List<Tool> all() {
    return List.of(new ListAlerts(), new AnswerRepair());
  }

  private static final class ListAlerts implements Tool {
    private static final ToolSpec SPEC = ToolSpec.of("list_alerts", "Lists the household server's open alerts"
        + " (a disk filling up, a container failing) and the question each repair is waiting on.", Risk.READ);

    @Override
    public ToolSpec spec() {
      return SPEC;
    }

    @Override
    public Future<ToolResult> call(ToolCall call, ToolContext context) {
      return Tool.done(ToolResult.ok(new JsonObject().put("alerts", new JsonArray(OpenAlerts.list()))));
    }
  }

  private static final class AnswerRepair implements Tool {
    private static final ToolSpec SPEC = new ToolSpec("answer_repair", "Gives the household's answer (yes or no)"
        + " to the question a repair is waiting on; use list_alerts to find it. The person is asked to confirm.",
        new JsonObject().put("type", "object").put("properties", new JsonObject()
                .put("alert_id", new JsonObject().put("type", "string").put("description", "the alert's id"))
                .put("answer", new JsonObject().put("type", "string").put("enum", new JsonArray().add("yes").add("no"))))
            .put("required", new JsonArray().add("alert_id").add("answer")), Risk.PROTECTED, false);

    @Override
    public ToolSpec spec() {
      return SPEC;
    }

    @Override
    public String confirmation(ToolCall call, String language) {
      boolean french = language.startsWith("fr");
      AlertChanged alert = OpenAlerts.get(call.arguments().getString("alert_id")).orElse(null);
      if (alert == null || alert.state() != AlertChanged.State.ASKING) {
        return french ? "Aucune réparation n'attend de réponse pour cette alerte. Dites oui pour continuer."
            : "No repair is waiting on that alert. Say yes to go on.";
      }
      String asked = alert.detail().replace(" Say yes to confirm.", "").replace(" Dites oui pour confirmer.", "");
      boolean yes = "yes".equals(call.arguments().getString("answer"));
      return french ? (yes ? "Autoriser la réparation (" : "Refuser la réparation (") + alert.summary() + ") : « "
          + asked + " » ? Dites oui pour confirmer."
          : (yes ? "Approve the repair (" : "Turn down the repair (") + alert.summary() + "): \"" + asked
          + "\"? Say yes to confirm.";
    }

    @Override
    public Future<ToolResult> call(ToolCall call, ToolContext context) {
      String alertId = call.arguments().getString("alert_id");
      String answer = call.arguments().getString("answer");
      if (alertId == null || !("yes".equals(answer) || "no".equals(answer))) {
        throw new ToolArgumentsException("'alert_id' is required and 'answer' must be yes or no");
      }
      String who = context.utterance().user() != null ? context.utterance().user()
          : context.utterance().channel().jsonName();
      return context.vertx().eventBus().<JsonObject>request(BridgeAddresses.REPAIR_ANSWER, new JsonObject()
              .put("alert_id", alertId).put("text", answer).put("user", who))
          .map(reply -> ToolResult.ok(reply.body().getString("speech")))
          .recover(e -> Future.succeededFuture(ToolResult.error("The repair could not be answered: "
              + e.getMessage())));
    }
  }
}
