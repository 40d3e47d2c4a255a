package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.memory.MemoryQuery;
import io.harpou.bridge.api.memory.MemoryScope;
import io.harpou.bridge.api.memory.MemoryStore;
import io.harpou.bridge.vertx.http.HttpApiServices;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * {@code GET /api/memory} (with {@code ?q=}: recall, best first with scores; without: the newest, optionally of one
 * {@code scope}) and {@code DELETE /api/memory/{id}}.
 */
public final class MemoryHandler {

  private final HttpApiServices bridge;

  /** A handler over the bridge's memory store. */
  public MemoryHandler(HttpApiServices bridge) {
    this.bridge = bridge;
  }

  /** Adds the routes. */
  public void mount(Router router) {
    router.get("/api/memory").handler(this::search);
    router.delete("/api/memory/:id").handler(this::forget);
  }

  private MemoryStore memory() {
    return bridge.memory().orElseThrow(() -> ApiError.unavailable("memory"));
  }

  private void search(RoutingContext ctx) {
    MemoryStore memory = memory();
    int limit = Requests.intParam(ctx, "limit", 50, 1, 500);
    MemoryScope scope = scope(ctx.request().getParam("scope"));
    String q = ctx.request().getParam("q");
    if (q != null && !q.isBlank()) {
      MemoryQuery query = new MemoryQuery(q.trim(), scope == null ? Set.of() : Set.of(scope), null, limit);
      memory.recall(query).onSuccess(found -> {
        JsonArray array = new JsonArray();
        found.forEach(r -> array.add(r.memory().toJson().put("score", r.score())));
        Requests.json(ctx, new JsonObject().put("memories", array));
      }).onFailure(ctx::fail);
    } else {
      memory.list(scope, limit).onSuccess(found -> {
        JsonArray array = new JsonArray();
        found.forEach(m -> array.add(m.toJson()));
        Requests.json(ctx, new JsonObject().put("memories", array));
      }).onFailure(ctx::fail);
    }
  }

  private void forget(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    memory().forget(id).onSuccess(forgotten -> {
      if (!forgotten) {
        ApiError.notFound("no memory with id " + id).send(ctx);
      } else {
        Requests.json(ctx, new JsonObject().put("forgotten", true).put("id", id));
      }
    }).onFailure(ctx::fail);
  }

  private static MemoryScope scope(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return MemoryScope.fromJson(raw.trim());
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid("'scope' must be household, person or room");
    }
  }
}
