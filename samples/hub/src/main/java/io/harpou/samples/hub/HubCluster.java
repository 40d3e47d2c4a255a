package io.harpou.samples.hub;

import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.bridge.vertx.HouseholdDuties;
import io.harpou.bridge.vertx.RemoteParts;
import io.harpou.bridge.vertx.cluster.ClusterClaims;
import io.harpou.bridge.vertx.cluster.ClusterNode;
import io.harpou.bridge.vertx.cluster.ClusterOptions;
import io.harpou.bridge.vertx.cluster.DutyLease;
import io.harpou.bridge.vertx.cluster.HarpouClusterManager;
import io.harpou.bridge.vertx.cluster.NodeRole;
import io.harpou.bridge.vertx.cluster.SatelliteLeases;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;

/**
 * The hub as one node of a cluster ({@code -cluster}): Hazelcast from the {@code cluster} section, and a bridge that
 * runs only this node's roles ({@code cluster.roles}, {@code --roles}), reaching the home and the agent on the other
 * nodes. Without roles a node runs them all, as the single-process hub does. Nodes that carry the same notification
 * rules tell each finding once (the first to claim it), and one node at a time alerts about the household's link.
 */
final class HubCluster {

  private final ClusterNode node;
  private final Bridge bridge;
  private final DutyLease householdMonitors;
  private final SatelliteLeases satellites;

  private HubCluster(ClusterNode node, Bridge bridge, DutyLease householdMonitors, SatelliteLeases satellites) {
    this.node = node;
    this.bridge = bridge;
    this.householdMonitors = householdMonitors;
    this.satellites = satellites;
  }

  /** The Vert.x builder the launcher uses: Harpou's Hazelcast configuration, joined only with {@code -cluster}. */
  static VertxBuilder builder(VertxOptions vertxOptions, JsonObject config) {
    ClusterOptions cluster = new ClusterOptions(config.getJsonObject("cluster", new JsonObject()));
    return HarpouClusterManager.builder(vertxOptions, cluster);
  }

  /** Starts this node's part of the cluster, then a bridge running this node's roles. */
  static Future<HubCluster> start(Vertx vertx, JsonObject config) {
    ClusterOptions cluster = new ClusterOptions(config.getJsonObject("cluster", new JsonObject()));
    BridgeOptions whole = new BridgeOptions(config);
    // Nodes that share a database hold the home role there, where a split network cannot elect two holders.
    whole.getSharedDatabase().ifPresent(database -> cluster.trust().setLeaseDatabaseUrl(database.getUrl()));
    return ClusterNode.start(vertx, cluster, whole.getHomeAssistant().orElse(null)).compose(node -> {
      JsonObject mine = config.copy();
      // The home node's lease holds the one Home Assistant connection; this bridge reaches it through the cluster.
      mine.remove("home_assistant");
      enable(mine, "agent", node.has(NodeRole.AGENT));
      enable(mine, "wyoming", node.has(NodeRole.EDGE));
      enable(mine, "http", node.has(NodeRole.API));
      // Only nodes that run monitors compete to watch the household, so the one that wins does watch it.
      DutyLease monitors = whole.getMonitors().enabled()
          ? DutyLease.start(vertx, HouseholdDuties.HOUSEHOLD_MONITORS) : null;
      // Each satellite is dialed by the edge node holding its lease, not by every node that lists it.
      mine.getJsonObject("voice", new JsonObject()).remove("satellites");
      RemoteParts remote = new RemoteParts(node.home(), node.remoteAgent().orElse(null),
          duties(new ClusterClaims(vertx), monitors));
      return Bridge.create(vertx, new BridgeOptions(mine), remote).start()
          .compose(bridge -> EdgeSatellites.share(vertx, cluster, whole, bridge)
              .map(leases -> {
                node.announceHealth();
                return new HubCluster(node, bridge, monitors, leases);
              })
              .recover(e -> bridge.close().transform(v -> Future.failedFuture(e))))
          .recover(e -> release(monitors).eventually(node::close).transform(v -> Future.failedFuture(e)));
    });
  }

  /** Notification rules claim each finding; the household's monitors run where the lease is held. */
  private static HouseholdDuties duties(ClusterClaims claims, DutyLease monitors) {
    return new HouseholdDuties() {
      @Override
      public boolean performs(String duty) {
        return HouseholdDuties.HOUSEHOLD_MONITORS.equals(duty) && monitors != null && monitors.held();
      }

      @Override
      public Future<Boolean> claim(String occurrence) {
        return claims.claim(occurrence);
      }
    };
  }

  private static Future<Void> release(DutyLease lease) {
    return lease == null ? Future.succeededFuture() : lease.close();
  }

  private static void enable(JsonObject config, String section, boolean on) {
    JsonObject part = config.getJsonObject(section, new JsonObject());
    config.put(section, part.put("enabled", on && part.getBoolean("enabled", true)));
  }

  /** The running bridge. */
  Bridge bridge() {
    return bridge;
  }

  /** Gives the satellites up, stops the bridge, then gives its duties and the home role up and leaves. */
  Future<Void> close() {
    Future<Void> released = satellites == null ? Future.succeededFuture() : satellites.close();
    return released.eventually(bridge::close).eventually(() -> release(householdMonitors)).eventually(node::close);
  }
}
