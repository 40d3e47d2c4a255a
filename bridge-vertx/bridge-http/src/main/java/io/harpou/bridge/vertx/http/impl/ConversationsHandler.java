package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.agent.ConversationLog;
import io.harpou.bridge.api.agent.ConversationTurn;
import io.harpou.bridge.api.artifact.Artifact;
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
 * (those of the conversation between the turn before and this turn's end) and the artifacts its tools made then
 * (camera snapshots, images), which the console shows under the answer as it did live.
 */
public final class ConversationsHandler {

  /** The most artifacts read for one conversation, as the artifact store lists at most. */
  private static final int MAX_ARTIFACTS = 500;

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
    log().turns(id, limit).compose(turns -> Future.all(steps(id, turns), artifacts(id, turns)).map(both -> {
      List<AuditEntry> steps = both.resultAt(0);
      List<Artifact> artifacts = both.resultAt(1);
      JsonArray array = new JsonArray();
      Instant after = Instant.EPOCH;
      for (ConversationTurn turn : turns) {
        JsonArray mySteps = new JsonArray();
        for (AuditEntry entry : steps) {
          if (within(entry.time(), after, turn.time())) {
            mySteps.add(entry.toJson());
          }
        }
        JsonArray myArtifacts = new JsonArray();
        for (Artifact artifact : artifacts) {
          if (within(artifact.createdAt(), after, turn.time())) {
            myArtifacts.add(artifact.toJson());
          }
        }
        array.add(turn.toJson().put("steps", mySteps).put("artifacts", myArtifacts));
        after = turn.time();
      }
      return new JsonObject().put("id", id).put("turns", array);
    })).onSuccess(body -> Requests.json(ctx, body)).onFailure(ctx::fail);
  }

  /**
   * True when {@code time} falls in a turn that followed {@code after} and was stored at {@code end}, both kept to
   * the millisecond: what the turn did happened before it was stored, possibly within its last millisecond.
   */
  private static boolean within(Instant time, Instant after, Instant end) {
    long at = time.toEpochMilli();
    return at > after.toEpochMilli() && at <= end.toEpochMilli();
  }

  /** The artifacts the conversation's tools made over the span of its turns, for each turn to show its images. */
  private Future<List<Artifact>> artifacts(String id, List<ConversationTurn> turns) {
    if (turns.isEmpty() || bridge.artifacts().isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return bridge.artifacts().get().list(id, MAX_ARTIFACTS);
  }

  /** The audit rows of the conversation over the span of its turns, oldest first. */
  private Future<List<AuditEntry>> steps(String id, List<ConversationTurn> turns) {
    if (turns.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    Instant from = turns.get(0).time().minusSeconds(3600);
    // The query's end is exclusive: a call may finish in the very millisecond its turn was stored.
    Instant to = turns.get(turns.size() - 1).time().plusMillis(1);
    return audit.query(new AuditQuery(from, to, null, null, AuditQuery.MAX_LIMIT))
        .map(entries -> entries.stream().filter(e -> id.equals(e.conversationId()))
            .sorted((a, b) -> a.time().compareTo(b.time())).toList());
  }
}
