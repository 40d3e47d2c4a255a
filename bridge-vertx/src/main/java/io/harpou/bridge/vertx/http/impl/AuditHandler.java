package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.vertx.audit.AuditEntry;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.audit.AuditQuery;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/**
 * {@code GET /api/audit?from=&to=&tool=&room=&limit=}: the audit trail, newest first. Also writes the rows for refused
 * requests (tool {@code http_api}, outcome {@code denied}), so failed authentication shows in the same trail.
 */
public final class AuditHandler implements AccessGuard.RefusalLog {

  /** The tool name under which refused HTTP requests are audited. */
  public static final String REFUSED_TOOL = "http_api";

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

  @Override
  public Future<Void> refused(String remote, String method, String path, String reason) {
    JsonObject arguments = new JsonObject().put("method", method)
        .put("path", path.length() > 200 ? path.substring(0, 200) : path);
    if (remote != null) {
      arguments.put("remote", remote);
    }
    return audit.record(new AuditEntry(Instant.now(), null, "http", null, null, REFUSED_TOOL, arguments,
        "protected", "denied", 0, reason));
  }
}
