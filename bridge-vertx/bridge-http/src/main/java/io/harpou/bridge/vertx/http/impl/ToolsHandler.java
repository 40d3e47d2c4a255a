package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.bridge.vertx.tools.ToolRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/tools}: every tool's spec with the provider that offers it, and the interpreters. */
public final class ToolsHandler {

  private final ToolRegistry tools;

  /** A handler over {@code tools}. */
  public ToolsHandler(ToolRegistry tools) {
    this.tools = tools;
  }

  /** Adds the route. */
  public void mount(Router router) {
    router.get("/api/tools").handler(this::list);
  }

  private void list(RoutingContext ctx) {
    JsonArray array = new JsonArray();
    for (ToolSpec spec : tools.specs()) {
      array.add(spec.toJson().put("provider", tools.providerOf(spec.name()).orElse(null)));
    }
    JsonArray interpreters = new JsonArray();
    tools.interpreters().forEach(i -> interpreters.add(i.id()));
    Requests.json(ctx, new JsonObject().put("tools", array).put("interpreters", interpreters)
        .put("providers", new JsonArray(tools.providers())));
  }
}
