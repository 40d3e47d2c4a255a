package io.harpou.bridge.vertx.http;

import io.harpou.bridge.api.agent.Action;
import io.harpou.bridge.api.agent.ActionTarget;
import io.harpou.bridge.api.agent.Interpretation;
import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.home.Target;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolExecutor;
import io.harpou.bridge.api.tool.ToolProvider;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal light tool and "turn on the X light" interpreter for console tests in this module (the real intent
 * matcher lives in tools-home, which depends on bridge-vertx and so cannot be on its test class path). It acts
 * through the agent's tool executor and the real Home Assistant client.
 */
public final class LightSwitchProvider implements ToolProvider {

  private static final Pattern TURN = Pattern.compile("turn (on|off) the (\\w+) lights?");

  @Override
  public String id() {
    return "console-test";
  }

  @Override
  public List<Tool> tools(JsonObject config) {
    return List.of(new Tool() {
      @Override
      public ToolSpec spec() {
        return ToolSpec.of("switch_light", "Turns a light on or off.", Risk.ACT);
      }

      @Override
      public Future<ToolResult> call(ToolCall call, ToolContext context) {
        String entity = call.arguments().getString("entity_id");
        String service = call.arguments().getString("on_off").equals("on") ? "turn_on" : "turn_off";
        return context.home().orElseThrow().callService(ServiceCall.of("light", service, Target.entities(entity)))
            .map(r -> ToolResult.ok("done"));
      }
    });
  }

  @Override
  public List<Interpreter> interpreters(JsonObject config) {
    return List.of(new Interpreter() {
      @Override
      public String id() {
        return "console-test";
      }

      @Override
      public Future<Interpretation> interpret(Utterance utterance, ToolContext context, ToolExecutor tools) {
        Matcher m = TURN.matcher(utterance.text().toLowerCase(Locale.ROOT));
        if (!m.find()) {
          return Future.succeededFuture(Interpretation.notMine());
        }
        String entity = "light." + m.group(2);
        return tools.execute(ToolCall.of("switch_light", new JsonObject().put("entity_id", entity)
            .put("on_off", m.group(1))), utterance).map(result -> Interpretation.handled(Reply.done(
                result.error() ? "That did not work." : "Turned " + m.group(1) + " the " + m.group(2) + " light.",
                List.of(new Action("switch_light", List.of(ActionTarget.entity(entity, m.group(2))), !result.error())),
                utterance.conversationId())));
      }
    });
  }
}
