package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.vertx.http.ApiKey;
import io.harpou.bridge.vertx.http.ApiKeys;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/keys}: list, create and revoke API keys, from this machine only (the console link, or a program on this
 * machine while no key exists). A request made with an API key is refused, so a key that leaks cannot make itself
 * more keys or revoke the household's. A new key is shown once, in the answer that creates it.
 */
public final class KeysHandler {

  private final ApiKeys keys;

  /** A handler over {@code keys}. */
  public KeysHandler(ApiKeys keys) {
    this.keys = keys;
  }

  /** Adds the routes. */
  public void mount(Router router) {
    router.route("/api/keys*").handler(this::fromThisMachine);
    router.get("/api/keys").handler(this::list);
    router.post("/api/keys").handler(this::create);
    router.delete("/api/keys/:name").handler(this::revoke);
  }

  private void fromThisMachine(RoutingContext ctx) {
    if (ctx.get(AccessGuard.KEY_NAME) != null) {
      new ApiError(403, "forbidden", "API keys are managed from this machine, through the console link or"
          + " ./harpou keys, not with an API key").send(ctx);
      return;
    }
    ctx.next();
  }

  private void list(RoutingContext ctx) {
    keys.list().onSuccess(list -> {
      JsonArray array = new JsonArray();
      list.forEach(key -> array.add(key.toJson()));
      Requests.json(ctx, new JsonObject().put("keys", array));
    }).onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    String name = Requests.requiredText(Requests.jsonBody(ctx), "name", 64);
    try {
      ApiKey.requireValidName(name);
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid(e.getMessage());
    }
    keys.create(name).onSuccess(key -> ctx.response().setStatusCode(201).putHeader("content-type",
            "application/json").putHeader("cache-control", "no-store")
        .end(new JsonObject().put("name", name).put("key", key).encode()))
        .onFailure(e -> {
          if (e instanceof BridgeException) {
            new ApiError(409, "conflict", e.getMessage()).send(ctx);
          } else {
            ctx.fail(e);
          }
        });
  }

  private void revoke(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    keys.revoke(name).onSuccess(revoked -> {
      if (revoked) {
        Requests.json(ctx, new JsonObject().put("revoked", name));
      } else {
        ApiError.notFound("no API key named " + name).send(ctx);
      }
    }).onFailure(ctx::fail);
  }
}
