package io.harpou.bridge.vertx.agent;

import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.home.Target;
import io.harpou.bridge.api.timer.Timer;
import io.harpou.bridge.api.timer.TimerLength;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolProvider;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Small tools for the agent tests, acting on the virtual home through the real HA client. They are offered only when
 * the {@code agent_test} section says {@code "active": true}, so other tests of this module do not see them.
 */
public final class TestHomeTools implements ToolProvider {

  @Override
  public String id() {
    return "agent_test";
  }

  @Override
  public List<Tool> tools(JsonObject config) {
    if (!config.getBoolean("active", false)) {
      return List.of();
    }
    JsonObject entity = new JsonObject().put("type", "object").put("properties", new JsonObject()
            .put("entity_id", new JsonObject().put("type", "string"))
            .put("brightness", new JsonObject().put("type", "integer").put("minimum", 0).put("maximum", 100)))
        .put("required", new JsonArray().add("entity_id"));
    JsonObject wait = new JsonObject().put("type", "object").put("properties", new JsonObject()
        .put("ms", new JsonObject().put("type", "integer").put("minimum", 0)));
    JsonObject timer = new JsonObject().put("type", "object").put("properties", new JsonObject()
        .put("minutes", new JsonObject().put("type", "integer").put("minimum", 1))
        .put("seconds", new JsonObject().put("type", "integer").put("minimum", 1))
        .put("name", new JsonObject().put("type", "string")));
    return List.of(
        tool(new ToolSpec("light_on", "Turns on a light.", entity, Risk.ACT, false), (call, ctx) -> {
          JsonObject data = new JsonObject();
          if (call.arguments().getInteger("brightness") != null) {
            data.put("brightness_pct", call.arguments().getInteger("brightness"));
          }
          return service(ctx, "light", "turn_on", call.arguments().getString("entity_id"), data);
        }),
        tool(new ToolSpec("unlock", "Unlocks a lock.", entity, Risk.ACT, false),
            (call, ctx) -> service(ctx, "lock", "unlock", call.arguments().getString("entity_id"), new JsonObject())),
        tool(new ToolSpec("backup_photos", "Backs up the photos.", wait, Risk.READ, true),
            (call, ctx) -> later(ctx, call.arguments().getInteger("ms", 300), "Backed up 42 photos.")),
        tool(new ToolSpec("count_files", "Counts files.", wait, Risk.READ, false),
            (call, ctx) -> later(ctx, call.arguments().getInteger("ms", 0), "Counted 7 files.")),
        tool(ToolSpec.of("wipe_disk", "Erases the disk.", Risk.DANGEROUS),
            (call, ctx) -> Tool.done(ToolResult.ok("wiped"))),
        tool(new ToolSpec("start_timer", "Starts a voice timer.", timer, Risk.ACT, false), TestHomeTools::timer));
  }

  private static Future<ToolResult> service(ToolContext ctx, String domain, String service, String entityId,
                                            JsonObject data) {
    return ctx.home().orElseThrow().callService(new ServiceCall(domain, service, data, Target.entities(entityId),
            false))
        .map(r -> ToolResult.ok(domain + "." + service + " done on " + entityId))
        .recover(e -> Future.succeededFuture(ToolResult.error(e.getMessage())));
  }

  private static Future<ToolResult> timer(ToolCall call, ToolContext ctx) {
    Timer timer = ctx.timers().orElseThrow().start(new TimerLength(null, call.arguments().getInteger("minutes"),
            call.arguments().getInteger("seconds")),
        call.arguments().getString("name"), null, ctx.utterance());
    return Tool.done(ToolResult.ok("Timer " + timer.id() + " started."));
  }

  private static Future<ToolResult> later(ToolContext ctx, int ms, String text) {
    if (ms == 0) {
      return Tool.done(ToolResult.ok(text));
    }
    Promise<ToolResult> promise = Promise.promise();
    ctx.vertx().setTimer(Math.max(1, ms / 2), t -> ctx.progress(0.5, "Halfway there"));
    ctx.vertx().setTimer(ms, t -> promise.complete(ToolResult.ok(text)));
    return promise.future();
  }

  private static Tool tool(ToolSpec spec, BiFunction<ToolCall, ToolContext, Future<ToolResult>> body) {
    return new Tool() {
      @Override
      public ToolSpec spec() {
        return spec;
      }

      @Override
      public Future<ToolResult> call(ToolCall call, ToolContext context) {
        return body.apply(call, context);
      }
    };
  }
}
