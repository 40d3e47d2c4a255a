package io.harpou.bridge.vertx.cluster;

import io.harpou.bridge.api.event.ComponentStateChanged;
import io.harpou.bridge.api.event.EventPublisher;
import io.harpou.bridge.vertx.cluster.impl.HomeService;
import io.harpou.bridge.vertx.cluster.lease.HazelcastRoleLease;
import io.harpou.bridge.vertx.cluster.lease.PgRoleLease;
import io.harpou.bridge.vertx.cluster.lease.RoleLease;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.harpou.bridge.vertx.ha.HomeAssistantVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes this node a candidate for the one Home Assistant connection of a cluster. The node that holds the home role's
 * {@link RoleLease} connects and serves {@link io.harpou.bridge.api.BridgeAddresses#HOME_CALL}; the others keep
 * asking. The lease is the cluster lock {@value #LOCK} by default: Hazelcast releases a lock whose holder left or
 * died, so the role moves to a waiting node, never two connections at once while the cluster is whole. With a shared
 * PostgreSQL database it is a row there ({@link PgRoleLease}), which also holds across a network split. A holder that
 * loses its lease disconnects at once and competes again. Reported in {@code /health} as the {@value #COMPONENT}
 * component, {@code held} or {@code standby}.
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
  private final RoleLease lease;
  private volatile boolean closed;
  private RoleLease.Held held;
  private String deployment;
  private HomeService service;

  private HomeLease(Vertx vertx, HomeAssistantOptions home, RoleLease lease) {
    this.vertx = vertx;
    this.home = home;
    this.lease = lease;
    this.events = new EventPublisher(vertx);
  }

  /** Starts competing for the cluster lock; the Future completes at once, whether or not this node holds it. */
  public static Future<HomeLease> start(Vertx vertx, HomeAssistantOptions home) {
    return start(vertx, home, new HazelcastRoleLease(vertx, LOCK, 1));
  }

  /**
   * Starts competing for the lease {@code options} choose: a PostgreSQL row when the nodes share a database, else the
   * cluster lock held while at least {@code cluster.min_members} trusted members are seen.
   */
  public static Future<HomeLease> start(Vertx vertx, HomeAssistantOptions home, ClusterOptions options) {
    ClusterOptions.Trust trust = options.trust();
    RoleLease lease;
    try {
      lease = trust.getLeaseDatabaseUrl() != null
          ? PgRoleLease.create(vertx, trust.getLeaseDatabaseUrl(), "home", trust.getLeaseTtlMs())
          : new HazelcastRoleLease(vertx, LOCK, trust.getMinMembers());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return start(vertx, home, lease);
  }

  /** Starts competing for {@code lease}; the Future completes at once, whether or not this node holds it. */
  public static Future<HomeLease> start(Vertx vertx, HomeAssistantOptions home, RoleLease lease) {
    HomeLease homeLease = new HomeLease(vertx, home, lease);
    homeLease.report("standby", "waiting for the home lease");
    homeLease.compete();
    return Future.succeededFuture(homeLease);
  }

  /** True while this node holds the lease and the connection. */
  public synchronized boolean held() {
    return held != null;
  }

  private void compete() {
    if (closed) {
      return;
    }
    lease.take().onComplete(ar -> {
      if (ar.failed()) {
        // Another node holds it (or the cluster is still forming, or too small): ask again.
        vertx.setTimer(closed ? 1 : 100, t -> compete());
      } else if (closed) {
        ar.result().release();
      } else {
        hold(ar.result());
      }
    });
  }

  private void hold(RoleLease.Held acquired) {
    synchronized (this) {
      held = acquired;
    }
    acquired.onLost(why -> {
      LOG.warn("This node lost the home lease ({}): disconnecting from Home Assistant", why);
      report("standby", "lost the home lease: " + why);
      release().onComplete(r -> compete());
    });
    LOG.info("This node holds the home lease ({}): connecting to Home Assistant at {}", acquired.describe(),
        home.getUrl());
    JsonObject config = home.toJson().put("token", home.getToken()).put("wait_for_connect", false);
    HomeAssistantVerticle verticle = new HomeAssistantVerticle();
    vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config)).compose(id -> {
      synchronized (this) {
        if (held != acquired) {
          // Lost or closed while connecting: this connection must not stay.
          return vertx.undeploy(id).eventually(() -> Future.failedFuture("the home lease went while connecting"));
        }
        deployment = id;
      }
      service = new HomeService(verticle.gateway());
      return service.start(vertx);
    }).onSuccess(v -> report("held", "this node holds the Home Assistant connection"))
        .onFailure(e -> {
          if (held() && held == acquired) {
            LOG.warn("Could not take the home role: {}", e.getMessage());
            release().onComplete(r -> vertx.setTimer(WAIT_MS, t -> compete()));
          }
        });
  }

  private void report(String state, String detail) {
    events.publish(new ComponentStateChanged(Instant.now(), COMPONENT, state, detail));
  }

  private Future<Void> release() {
    RoleLease.Held giving;
    String id;
    synchronized (this) {
      giving = held;
      held = null;
      id = deployment;
      deployment = null;
    }
    Future<Void> stopped = service == null ? Future.succeededFuture() : service.stop();
    service = null;
    return stopped.eventually(() -> id != null && vertx.deploymentIDs().contains(id) ? vertx.undeploy(id)
        : Future.succeededFuture()).eventually(() -> giving == null ? Future.succeededFuture() : giving.release());
  }

  /** Gives the role up: stops serving, disconnects from Home Assistant, then releases the lease for another node. */
  public Future<Void> close() {
    closed = true;
    return release().eventually(lease::close);
  }
}
