package io.harpou.bridge.vertx.http;

import io.harpou.bridge.api.agent.Action;
import io.harpou.bridge.api.agent.ActionTarget;
import io.harpou.bridge.api.agent.Interpretation;
import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.artifact.ArtifactMetadata;
import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.home.Target;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolGate;
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
 * A minimal light switch ("turn on the X light") and door lock ("unlock the X door", PROTECTED, so the policy asks
 * for a "yes") for the HTTP tests of this module (the real intent matcher lives in tools-home, which depends on
 * bridge-vertx and so cannot be on its test class path). Both act through the agent's tool executor and the real Home
 * Assistant client, as do {@code call_service} and {@code call_protected_service}, which the console's panel uses.
 */
public final class TestHouseProvider implements ToolProvider {

  private static final Pattern TURN = Pattern.compile("turn (on|off) the (\\w+) lights?");
  private static final Pattern UNLOCK = Pattern.compile("unlock the (\\w+) door");
  private static final Pattern CAMERA = Pattern.compile("show me the (\\w+) camera");

  @Override
  public String id() {
    return "http-test-house";
  }

  @Override
  public List<Tool> tools(JsonObject config) {
    return List.of(
        tool(ToolSpec.of("switch_light", "Turns a light on or off.", Risk.ACT), (call, context) -> {
          String service = call.arguments().getString("on_off").equals("on") ? "turn_on" : "turn_off";
          return act(context, "light", service, call.arguments().getString("entity_id"));
        }),
        tool(ToolSpec.of("camera_snapshot", "Keeps a camera's image and cites it.", Risk.READ),
            TestHouseProvider::snapshot),
        tool(ToolSpec.of("unlock_door", "Unlocks a door.", Risk.PROTECTED),
            (call, context) -> act(context, "lock", "unlock", call.arguments().getString("entity_id"))),
        // The console's panel calls these, as tools-home names them.
        tool(ToolSpec.of("call_service", "Calls a service on an entity.", Risk.ACT), TestHouseProvider::service),
        tool(ToolSpec.of("call_protected_service", "Calls a service on a protected entity.", Risk.PROTECTED),
            TestHouseProvider::service));
  }

  @Override
  public List<Interpreter> interpreters(JsonObject config) {
    return List.of(new Interpreter() {
      @Override
      public String id() {
        return "http-test-house";
      }

      @Override
      public Future<Interpretation> interpret(Utterance utterance, ToolContext context, ToolGate tools) {
        String text = utterance.text().toLowerCase(Locale.ROOT);
        Matcher turn = TURN.matcher(text);
        if (turn.find()) {
          return run(tools, utterance, "switch_light", "light." + turn.group(2), turn.group(2),
              new JsonObject().put("on_off", turn.group(1)), "Turned " + turn.group(1) + " the " + turn.group(2)
                  + " light.");
        }
        Matcher unlock = UNLOCK.matcher(text);
        if (unlock.find()) {
          return run(tools, utterance, "unlock_door", "lock." + unlock.group(1) + "_door", unlock.group(1) + " door",
              new JsonObject(), "Unlocked the " + unlock.group(1) + " door.");
        }
        Matcher camera = CAMERA.matcher(text);
        if (camera.find()) {
          return run(tools, utterance, "camera_snapshot", "camera." + camera.group(1), camera.group(1) + " camera",
              new JsonObject(), "Here is the " + camera.group(1) + " camera.");
        }
        return Future.succeededFuture(Interpretation.notMine());
      }
    });
  }

  private static Future<Interpretation> run(ToolGate tools, Utterance utterance, String tool, String entity,
                                            String name, JsonObject arguments, String done) {
    return tools.execute(ToolCall.of(tool, arguments.put("entity_id", entity)), utterance)
        .map(result -> Interpretation.handled(Reply.done(result.error() ? "That did not work." : done,
            List.of(new Action(tool, List.of(ActionTarget.entity(entity, name)), !result.error())),
            utterance.conversationId())));
  }

  private static Future<ToolResult> act(ToolContext context, String domain, String service, String entity) {
    return context.home().orElseThrow().callService(ServiceCall.of(domain, service, Target.entities(entity)))
        .map(r -> ToolResult.ok("done"));
  }

  /** Keeps the camera's image as an artifact and cites it, as tools-home's camera_snapshot does. */
  private static Future<ToolResult> snapshot(ToolCall call, ToolContext context) {
    String entity = call.arguments().getString("entity_id");
    return context.home().orElseThrow().cameraImage(entity).compose(image -> context.artifacts().orElseThrow()
            .put(image.bytes(), ArtifactMetadata.of(image.contentType(), entity, context.utterance())))
        .map(artifact -> ToolResult.ok(new JsonObject().put("message", "Here is " + entity)
            .put("artifact", artifact.toJson())));
  }

  private static Future<ToolResult> service(ToolCall call, ToolContext context) {
    String[] service = call.arguments().getString("service").split("\\.", 2);
    return context.home().orElseThrow().callService(ServiceCall.of(service[0], service[1],
            Target.entities(call.arguments().getString("entity_id")))
        .withData(call.arguments().getJsonObject("data", new JsonObject())))
        .map(r -> ToolResult.ok("done"));
  }

  private interface Body {
    Future<ToolResult> call(ToolCall call, ToolContext context);
  }

  private static Tool tool(ToolSpec spec, Body body) {
    return new Tool() {
      @Override
      public ToolSpec spec() {
        return spec;
      }

      @Override
      public Future<ToolResult> call(ToolCall call, ToolContext context) {
        return body.call(call, context);
      }
    };
  }
}
