package io.harpou.bridge.vertx.cluster;

import io.harpou.bridge.api.event.ComponentStateChanged;
import io.harpou.bridge.api.event.EventPublisher;
import io.harpou.bridge.vertx.cluster.impl.HomeService;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.harpou.bridge.vertx.ha.HomeAssistantVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.Lock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes this node a candidate for the one Home Assistant connection of a cluster. The node that holds the cluster
 * lock {@value #LOCK} connects and serves {@link io.harpou.bridge.api.BridgeAddresses#HOME_CALL}; the others wait on
 * the lock. Hazelcast releases a lock whose holder left or died, so the role moves to a waiting node: never two
 * connections at once while the cluster is whole. Reported in {@code /health} as the {@value #COMPONENT} component,
 * {@code held} or {@code standby}.
 */
public final class HomeLease {

  /** The cluster lock's name. */
  public static final String LOCK = "harpou.home.lease";
  /** The component name in {@code /health} and events. */
  public static final String COMPONENT = "home_lease";

  private static final Logger LOG = LoggerFactory.getLogger(HomeLease.class);
  private static final long WAIT_MS = 2_000;

  private final Vertx vertx;
  private final HomeAssistantOptions home;
  private final EventPublisher events;
  private volatile boolean closed;
  private Lock lock;
  private String deployment;
  private HomeService service;

  private HomeLease(Vertx vertx, HomeAssistantOptions home) {
    this.vertx = vertx;
    this.home = home;
    this.events = new EventPublisher(vertx);
  }

  /** Starts competing for the lease; the Future completes at once, whether or not this node holds it. */
  public static Future<HomeLease> start(Vertx vertx, HomeAssistantOptions home) {
    HomeLease lease = new HomeLease(vertx, home);
    lease.report("standby", "waiting for the home lease");
    lease.compete();
    return Future.succeededFuture(lease);
  }

  /** True while this node holds the lease and the connection. */
  public synchronized boolean held() {
    return lock != null;
  }

  private void compete() {
    if (closed) {
      return;
    }
    vertx.sharedData().getLockWithTimeout(LOCK, WAIT_MS).onComplete(ar -> {
      if (ar.failed()) {
        // Another node holds it (or the cluster is still forming): wait on it again.
        vertx.setTimer(closed ? 1 : 100, t -> compete());
      } else if (closed) {
        ar.result().release();
      } else {
        hold(ar.result());
      }
    });
  }

  private void hold(Lock acquired) {
    synchronized (this) {
      lock = acquired;
    }
    LOG.info("This node holds the home lease: connecting to Home Assistant at {}", home.getUrl());
    JsonObject config = home.toJson().put("token", home.getToken()).put("wait_for_connect", false);
    HomeAssistantVerticle verticle = new HomeAssistantVerticle();
    vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config)).compose(id -> {
      deployment = id;
      service = new HomeService(verticle.gateway());
      return service.start(vertx);
    }).onSuccess(v -> report("held", "this node holds the Home Assistant connection"))
        .onFailure(e -> {
          LOG.warn("Could not take the home role: {}", e.getMessage());
          release().onComplete(r -> vertx.setTimer(WAIT_MS, t -> compete()));
        });
  }

  private void report(String state, String detail) {
    events.publish(new ComponentStateChanged(Instant.now(), COMPONENT, state, detail));
  }

  private Future<Void> release() {
    Future<Void> stopped = service == null ? Future.succeededFuture() : service.stop();
    String id = deployment;
    service = null;
    deployment = null;
    return stopped.eventually(() -> id != null && vertx.deploymentIDs().contains(id) ? vertx.undeploy(id)
        : Future.succeededFuture()).eventually(() -> {
          synchronized (this) {
            if (lock != null) {
              lock.release();
              lock = null;
            }
          }
          return Future.succeededFuture();
        });
  }

  /** Gives the role up: stops serving, disconnects from Home Assistant, then releases the lock for another node. */
  public Future<Void> close() {
    closed = true;
    return release();
  }
}
