package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.timer.Timer;
import io.harpou.bridge.api.timer.TimerService;
import io.harpou.bridge.vertx.http.HttpApiServices;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/timers} (the voice timers, the one ending soonest first) and {@code DELETE /api/timers/{id}}. A
 * request made with an API key cancels only the timers that key set; the console link, a program on this machine
 * and a spoken "cancel the timer" cancel any, as the household's own.
 */
public final class TimersHandler {

  private final HttpApiServices bridge;

  /** A handler over the agent's voice timers. */
  public TimersHandler(HttpApiServices bridge) {
    this.bridge = bridge;
  }

  /** Adds the routes. */
  public void mount(Router router) {
    router.get("/api/timers").handler(this::list);
    router.delete("/api/timers/:id").handler(this::cancel);
  }

  private TimerService timers() {
    return bridge.timers().orElseThrow(() -> ApiError.unavailable("the voice timers"));
  }

  private void list(RoutingContext ctx) {
    JsonArray array = new JsonArray();
    timers().list().forEach(timer -> array.add(timer.toJson()));
    Requests.json(ctx, new JsonObject().put("timers", array));
  }

  private void cancel(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    TimerService timers = timers();
    Timer timer = timers.list().stream().filter(t -> t.id().equals(id)).findFirst()
        .orElseThrow(() -> ApiError.notFound("no timer with id " + id));
    String key = ctx.get(AccessGuard.KEY_NAME);
    if (key != null && !key.equals(timer.origin().user())) {
      throw new ApiError(403, "forbidden", "this timer was set by someone else: an API key cancels only the timers "
          + "it set, the console link cancels any");
    }
    Timer cancelled = timers.cancel(id).orElseThrow(() -> ApiError.notFound("no timer with id " + id));
    Requests.json(ctx, new JsonObject().put("cancelled", true).put("timer", cancelled.toJson()));
  }
}
