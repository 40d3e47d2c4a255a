package io.harpou.bridge.vertx.cluster;

import io.harpou.bridge.api.event.ComponentStateChanged;
import io.harpou.bridge.api.event.EventPublisher;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Lock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A duty performed by one node of a cluster at a time (alerting about the Home Assistant link, which every node sees
 * alike), so every node may carry the same configuration and the household hears each alert once. The node holding
 * the cluster lock {@code harpou.duty.<name>} performs it; the others wait on the lock, which Hazelcast releases when
 * its holder leaves or dies, so the duty moves on within seconds. Reported in {@code /health} as the
 * {@code duty:<name>} component, {@code held} or {@code standby}.
 */
public final class DutyLease {

  private static final Logger LOG = LoggerFactory.getLogger(DutyLease.class);
  private static final long WAIT_MS = 2_000;

  private final Vertx vertx;
  private final String name;
  private final EventPublisher events;
  private volatile boolean closed;
  private volatile Lock lock;

  private DutyLease(Vertx vertx, String name) {
    this.vertx = vertx;
    this.name = name;
    this.events = new EventPublisher(vertx);
  }

  /** Starts competing for the duty {@code name}; the Future completes at once, whether or not this node holds it. */
  public static DutyLease start(Vertx vertx, String name) {
    DutyLease lease = new DutyLease(vertx, name);
    lease.report("standby", "another node performs this duty");
    lease.compete();
    return lease;
  }

  /** True while this node performs the duty. */
  public boolean held() {
    return lock != null;
  }

  private void compete() {
    if (closed) {
      return;
    }
    vertx.sharedData().getLockWithTimeout("harpou.duty." + name, WAIT_MS).onComplete(ar -> {
      if (ar.failed()) {
        // Another node holds it (or the cluster is still forming): wait on it again.
        vertx.setTimer(100, t -> compete());
      } else if (closed) {
        ar.result().release();
      } else {
        lock = ar.result();
        LOG.info("This node performs the household duty {}", name);
        report("held", "this node performs this duty for the cluster");
      }
    });
  }

  private void report(String state, String detail) {
    events.publish(new ComponentStateChanged(Instant.now(), "duty:" + name, state, detail));
  }

  /** Gives the duty up for another node. */
  public Future<Void> close() {
    closed = true;
    Lock held = lock;
    lock = null;
    if (held != null) {
      held.release();
    }
    return Future.succeededFuture();
  }
}
