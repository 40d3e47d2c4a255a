package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.audit.AuditQuery;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/audit?from=&to=&tool=&room=&limit=}: the audit trail, newest first, refused HTTP requests included
 * (tool {@code http_api}, outcome {@code denied}; see {@link Refusals}).
 */
public final class AuditHandler {

  private final AuditLog audit;

  /** A handler over {@code audit}. */
  public AuditHandler(AuditLog audit) {
    this.audit = audit;
  }

  /** Adds the route. */
  public void mount(Router router) {
    router.get("/api/audit").handler(this::query);
  }

  private void query(RoutingContext ctx) {
    JsonObject params = new JsonObject();
    for (String name : new String[] {"from", "to", "tool", "room", "limit"}) {
      String value = ctx.request().getParam(name);
      if (value != null && !value.isBlank()) {
        params.put(name, value.trim());
      }
    }
    AuditQuery query = AuditQuery.fromJson(params);
    audit.query(query).onSuccess(entries -> {
      JsonArray array = new JsonArray();
      entries.forEach(entry -> array.add(entry.toJson()));
      Requests.json(ctx, new JsonObject().put("entries", array));
    }).onFailure(ctx::fail);
  }
}
