package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.vertx.http.HttpApiServices;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/documents}: the documents the agent answers from, each with its pages, chunks and index time. */
public final class DocumentsHandler {

  private final HttpApiServices bridge;

  /** A handler over the bridge's memory store. */
  public DocumentsHandler(HttpApiServices bridge) {
    this.bridge = bridge;
  }

  /** Adds the route. */
  public void mount(Router router) {
    router.get("/api/documents").handler(this::list);
  }

  private void list(RoutingContext ctx) {
    bridge.memory().orElseThrow(() -> ApiError.unavailable("memory")).indexedDocuments()
        .onSuccess(files -> Requests.json(ctx, new JsonObject().put("documents", new JsonArray(files))))
        .onFailure(ctx::fail);
  }
}
