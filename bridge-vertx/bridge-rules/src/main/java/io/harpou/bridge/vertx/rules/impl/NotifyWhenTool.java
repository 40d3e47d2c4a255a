package io.harpou.bridge.vertx.rules.impl;

import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.rules.RuleBook;
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
 * notify_when: makes a one-time notification rule ("tell me when the washing machine is done"), said in the asker's
 * room, shown in the console and sent to Home Assistant once, then forgotten. Without a state, "done" is what an
 * appliance reports when it stops: off, idle, done and their kin, or a power reading under 5 W.
 */
final class NotifyWhenTool implements Tool {

  static final String NAME = "notify_when";
  /** The states an appliance reports when it has finished. */
  static final List<String> DONE_STATES = List.of("off", "idle", "done", "finished", "complete", "completed",
      "standby", "ready", "clean", "docked", "stopped");
  private static final double IDLE_WATTS = 5;

  private static final ToolSpec SPEC = new ToolSpec(NAME, "Tells the user once, later, when an entity reaches a state:"
      + " 'tell me when the washing machine is done' or 'let me know when the garage door is closed'. Without a"
      + " state it waits for the appliance to finish.", new JsonObject().put("type", "object")
      .put("properties", new JsonObject()
          .put("entity_id", new JsonObject().put("type", "string").put("description", "The entity to watch"))
          .put("state", new JsonObject().put("type", "string").put("description",
              "The state to wait for; omit to wait for the appliance to finish"))
          .put("room", new JsonObject().put("type", "string").put("description",
              "Where to say it (the speaker's room by default)")))
      .put("required", new JsonArray().add("entity_id")), Risk.ACT, false);

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public Future<ToolResult> call(ToolCall call, ToolContext context) {
    JsonObject arguments = call.arguments();
    if (!(arguments.getValue("entity_id") instanceof String entityId)
        || arguments.getValue("state") != null && !(arguments.getValue("state") instanceof String)
        || arguments.getValue("room") != null && !(arguments.getValue("room") instanceof String)) {
      return Future.failedFuture(new ToolArgumentsException("entity_id is text; state and room are text when given"));
    }
    HomeGateway home = context.home().orElse(null);
    EntityState state = home == null ? null : home.state(entityId).orElse(null);
    if (state == null) {
      return Tool.done(ToolResult.error("There is no entity " + entityId + "."));
    }
    String wanted = arguments.getString("state");
    String room = arguments.getString("room", context.room().orElse(null));
    JsonObject when = new JsonObject().put("entity_id", entityId);
    String say;
    if (wanted != null) {
      when.put("state", wanted);
      say = "{name} is now " + wanted + ".";
    } else {
      if (isPower(state)) {
        when.put("below", IDLE_WATTS);
      } else {
        when.put("state", new JsonArray(DONE_STATES));
      }
      say = "{name} is done.";
    }
    JsonObject rule = new JsonObject().put("when", when).put("say", say).put("once", true).put("origin", "speech")
        .put("cooldown_minutes", 0).put("rooms", room == null ? new JsonArray() : new JsonArray().add(room));
    String name = state.friendlyName();
    return RuleBook.overEventBus(context.vertx()).add(rule)
        .map(kept -> ToolResult.ok("I'll tell you when " + name + " is " + (wanted == null ? "done" : wanted) + "."))
        .recover(e -> Future.succeededFuture(ToolResult.error("I can't watch " + name + ": " + e.getMessage())));
  }

  private static boolean isPower(EntityState state) {
    return "power".equals(state.attributes().getString("device_class"))
        || "W".equals(state.attributes().getString("unit_of_measurement"));
  }
}
