package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.Json;
import io.harpou.bridge.api.plan.Plan;
import io.harpou.bridge.api.plan.Plans;
import io.harpou.bridge.vertx.http.HttpApiServices;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/**
 * {@code GET /api/plans?limit=} (newest first, 50 by default, at most 500) and {@code GET /api/plans/{id}}: the
 * agent's plans with each step's state. A request made with an API key sees only the plans asked for under that key's
 * name; the console and programs on this machine see every plan. Another key's plan is answered 404, as one that does
 * not exist, so a key cannot learn which plan ids exist.
 */
public final class PlansHandler {

  private final HttpApiServices bridge;

  /** A handler over the bridge's plans. */
  public PlansHandler(HttpApiServices bridge) {
    this.bridge = bridge;
  }

  /** Adds the routes. */
  public void mount(Router router) {
    router.get("/api/plans").handler(this::list);
    router.get("/api/plans/:id").handler(this::one);
  }

  private Plans plans() {
    return bridge.plans().orElseThrow(() -> ApiError.unavailable("the agent's plans"));
  }

  private void list(RoutingContext ctx) {
    int limit = Requests.intParam(ctx, "limit", 50, 1, 500);
    plans().list(ctx.get(AccessGuard.KEY_NAME), limit)
        .onSuccess(found -> Requests.json(ctx, new JsonObject().put("plans", Json.array(found, Plan::toJson))))
        .onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    String key = ctx.get(AccessGuard.KEY_NAME);
    plans().get(id).onSuccess(found -> {
      Plan plan = found.filter(p -> key == null || Objects.equals(key, p.user())).orElse(null);
      if (plan == null) {
        ctx.fail(ApiError.notFound("no plan with id " + id));
      } else {
        Requests.json(ctx, plan.toJson());
      }
    }).onFailure(ctx::fail);
  }
}
