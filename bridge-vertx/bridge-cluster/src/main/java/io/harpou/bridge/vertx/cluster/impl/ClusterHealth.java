package io.harpou.bridge.vertx.cluster.impl;

import io.harpou.bridge.api.event.ComponentStateChanged;
import io.harpou.bridge.api.event.EventPublisher;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.healthchecks.Status;
import io.vertx.spi.cluster.hazelcast.ClusterHealthCheck;
import java.time.Instant;

/**
 * Runs Vert.x's {@link ClusterHealthCheck} (every partition has its owner and backups, so losing a member loses no
 * data) every few seconds and reports it as the {@code cluster} component of {@code /health} when it changes.
 */
public final class ClusterHealth {

  /** The component name in {@code /health}. */
  public static final String COMPONENT = "cluster";

  private static final long PERIOD_MS = 2_000;

  private final Vertx vertx;
  private final Handler<Promise<Status>> check;
  private final EventPublisher events;
  private final String roles;
  private long timer = -1;
  private ComponentStateChanged last;

  /** A check of {@code vertx}'s cluster, naming this node's {@code roles} in its detail. */
  public ClusterHealth(Vertx vertx, String roles) {
    this.vertx = vertx;
    this.check = ClusterHealthCheck.createProcedure(vertx);
    this.events = new EventPublisher(vertx);
    this.roles = roles;
  }

  /** Checks now, then every two seconds. */
  public ClusterHealth start() {
    run();
    timer = vertx.setPeriodic(PERIOD_MS, t -> run());
    return this;
  }

  private void run() {
    Promise<Status> status = Promise.promise();
    status.future().onComplete(ar -> {
      boolean safe = ar.succeeded() && ar.result().isOk();
      String state = safe ? "ready" : "degraded";
      String detail = "roles " + roles + "; " + (safe ? "every partition has its backups"
          : "partitions are migrating or lack backups (a member joined or left)");
      if (last == null || !detail.equals(last.detail())) {
        last = new ComponentStateChanged(Instant.now(), COMPONENT, state, detail);
        events.publish(last);
      }
    });
    vertx.executeBlocking(() -> {
      check.handle(status);
      return null;
    }, false);
  }

  /**
   * Tells the latest state again, for a {@code /health} that started listening after it was first told (the bridge
   * starts after the node has joined); the next check tells it when none has finished yet.
   */
  public void announce() {
    if (last != null) {
      events.publish(last);
    }
  }

  /** Stops checking. */
  public void close() {
    vertx.cancelTimer(timer);
  }
}
