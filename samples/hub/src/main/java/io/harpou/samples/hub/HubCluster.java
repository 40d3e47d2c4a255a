package io.harpou.samples.hub;

import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.bridge.vertx.RemoteParts;
import io.harpou.bridge.vertx.cluster.ClusterNode;
import io.harpou.bridge.vertx.cluster.ClusterOptions;
import io.harpou.bridge.vertx.cluster.HarpouClusterManager;
import io.harpou.bridge.vertx.cluster.NodeRole;
import io.harpou.bridge.vertx.cluster.SatelliteLeases;
import io.harpou.bridge.vertx.voice.SatelliteConfig;
import io.harpou.bridge.vertx.voice.SatelliteDialer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The hub as one node of a cluster ({@code -cluster}): Hazelcast from the {@code cluster} section, and a bridge that
 * runs only this node's roles ({@code cluster.roles}, {@code --roles}), reaching the home and the agent on the other
 * nodes. Without roles a node runs them all, as the single-process hub does.
 */
final class HubCluster {

  private final ClusterNode node;
  private final Bridge bridge;
  private final SatelliteLeases satellites;

  private HubCluster(ClusterNode node, Bridge bridge, SatelliteLeases satellites) {
    this.node = node;
    this.bridge = bridge;
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
    return ClusterNode.start(vertx, cluster, whole.getHomeAssistant().orElse(null)).compose(node -> {
      JsonObject mine = config.copy();
      // The home node's lease holds the one Home Assistant connection; this bridge reaches it through the cluster.
      mine.remove("home_assistant");
      enable(mine, "agent", node.has(NodeRole.AGENT));
      enable(mine, "wyoming", node.has(NodeRole.EDGE));
      enable(mine, "http", node.has(NodeRole.API));
      // Each satellite is dialed by the edge node holding its lease, not by every node that lists it.
      mine.getJsonObject("voice", new JsonObject()).remove("satellites");
      RemoteParts remote = new RemoteParts(node.home(), node.remoteAgent().orElse(null));
      return Bridge.create(vertx, new BridgeOptions(mine), remote).start()
          .compose(bridge -> shareSatellites(vertx, cluster, whole, bridge)
              .map(leases -> new HubCluster(node, bridge, leases))
              .recover(e -> bridge.close().transform(v -> Future.failedFuture(e))))
          .recover(e -> node.close().transform(v -> Future.failedFuture(e)));
    });
  }

  /**
   * Competes for the leases of the satellites listed under {@code voice.satellites} when this node runs voice (the
   * {@code edge} role), dialing those it takes; null when it has none to share.
   */
  private static Future<SatelliteLeases> shareSatellites(Vertx vertx, ClusterOptions cluster, BridgeOptions whole,
      Bridge bridge) {
    SatelliteDialer dialer = bridge.satelliteDialer().orElse(null);
    List<SatelliteConfig> listed = dialer == null ? List.of() : whole.getVoice().getSatellites();
    if (listed.isEmpty()) {
      return Future.succeededFuture();
    }
    Map<String, SatelliteConfig> byId = listed.stream()
        .collect(Collectors.toMap(SatelliteConfig::id, Function.identity()));
    return SatelliteLeases.start(vertx, cluster, List.copyOf(byId.keySet()), new SatelliteLeases.Holder() {
      @Override
      public Future<Void> connect(String satelliteId) {
        return dialer.dial(byId.get(satelliteId));
      }

      @Override
      public Future<Void> disconnect(String satelliteId) {
        return dialer.hangUp(satelliteId);
      }
    });
  }

  private static void enable(JsonObject config, String section, boolean on) {
    JsonObject part = config.getJsonObject(section, new JsonObject());
    config.put(section, part.put("enabled", on && part.getBoolean("enabled", true)));
  }

  /** The running bridge. */
  Bridge bridge() {
    return bridge;
  }

  /** Gives the satellites up, stops the bridge, then gives the home role up and leaves. */
  Future<Void> close() {
    Future<Void> released = satellites == null ? Future.succeededFuture() : satellites.close();
    return released.eventually(bridge::close).eventually(node::close);
  }
}
