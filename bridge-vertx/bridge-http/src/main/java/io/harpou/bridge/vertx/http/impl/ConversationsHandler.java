package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.agent.ConversationLog;
import io.harpou.bridge.api.agent.ConversationTurn;
import io.harpou.bridge.vertx.audit.AuditEntry;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.audit.AuditQuery;
import io.harpou.bridge.vertx.http.HttpApiServices;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/conversations}: the conversations the agent keeps, from every channel, newest first; and
 * {@code GET /api/conversations/:id}: one conversation's turns, each with the tool calls the audit log recorded for it
 * (those of the conversation between the turn before and this turn's end).
 */
public final class ConversationsHandler {

  private final HttpApiServices bridge;
  private final AuditLog audit;

  /** A handler over the bridge's conversation log and {@code audit}. */
  public ConversationsHandler(HttpApiServices bridge, AuditLog audit) {
    this.bridge = bridge;
    this.audit = audit;
  }

  /** Adds the routes. */
  public void mount(Router router) {
    router.get("/api/conversations").handler(this::list);
    router.get("/api/conversations/:id").handler(this::read);
  }

  private ConversationLog log() {
    return bridge.conversations().orElseThrow(() -> ApiError.unavailable("the conversation log"));
  }

  private void list(RoutingContext ctx) {
    int limit = Requests.intParam(ctx, "limit", 30, 1, 200);
    log().recent(limit).onSuccess(list -> {
      JsonArray array = new JsonArray();
      list.forEach(summary -> array.add(summary.toJson()));
      Requests.json(ctx, new JsonObject().put("conversations", array));
    }).onFailure(ctx::fail);
  }

  private void read(RoutingContext ctx) {
    String id = Requests.id(ctx.pathParam("id"), "conversation id");
    int limit = Requests.intParam(ctx, "limit", 50, 1, 200);
    log().turns(id, limit).compose(turns -> steps(id, turns).map(steps -> {
      JsonArray array = new JsonArray();
      Instant after = Instant.EPOCH;
      for (ConversationTurn turn : turns) {
        JsonArray mine = new JsonArray();
        for (AuditEntry entry : steps) {
          if (entry.time().isAfter(after) && !entry.time().isAfter(turn.time())) {
            mine.add(entry.toJson());
          }
        }
        array.add(turn.toJson().put("steps", mine));
        after = turn.time();
      }
      return new JsonObject().put("id", id).put("turns", array);
    })).onSuccess(body -> Requests.json(ctx, body)).onFailure(ctx::fail);
  }

  /** The audit rows of the conversation over the span of its turns, oldest first. */
  private Future<List<AuditEntry>> steps(String id, List<ConversationTurn> turns) {
    if (turns.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    Instant from = turns.get(0).time().minusSeconds(3600);
    Instant to = turns.get(turns.size() - 1).time();
    return audit.query(new AuditQuery(from, to, null, null, AuditQuery.MAX_LIMIT))
        .map(entries -> entries.stream().filter(e -> id.equals(e.conversationId()))
            .sorted((a, b) -> a.time().compareTo(b.time())).toList());
  }
}
