package io.harpou.samples.hub;

import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.bridge.vertx.cluster.ClusterOptions;
import io.harpou.bridge.vertx.cluster.SatelliteLeases;
import io.harpou.bridge.vertx.voice.SatelliteConfig;
import io.harpou.bridge.vertx.voice.SatelliteDialer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The satellites an edge node of a cluster shares with the other edge nodes, each dialed by its lease's holder. */
final class EdgeSatellites {

  private EdgeSatellites() {
  }

  /**
   * Competes for the leases of the satellites listed under {@code voice.satellites} when this node runs voice (the
   * {@code edge} role), dialing those it takes; null when it has none to share.
   */
  static Future<SatelliteLeases> share(Vertx vertx, ClusterOptions cluster, BridgeOptions whole, Bridge bridge) {
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
}
