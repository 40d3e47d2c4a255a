package io.harpou.bridge.vertx.cluster;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.event.ComponentStateChanged;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.core.shareddata.Lock;
import io.vertx.core.spi.cluster.ClusterManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares the household's satellites among the edge nodes of a cluster: every edge node lists the same satellites, and
 * each satellite is connected by the one live edge node holding its cluster lock ({@value #LOCK_PREFIX}{@code <id>}).
 * Hazelcast releases the locks of a node that left or died, and the others take them and connect within seconds.
 *
 * <p>A free satellite goes to one edge node by its place in the sorted list of satellites over the sorted live edge
 * nodes (registered in the cluster map {@value #EDGE_NODES}), so satellites are spread over the edge nodes that
 * start together; a node waits {@link ClusterOptions#getSatelliteClaimDelayMs()} after joining before it claims any,
 * so it sees those starting with it. A satellite held by a live node never moves: a node that joins or comes back
 * takes only satellites that are free. A node connects a satellite only once it holds its lock, and releases the lock
 * only after hanging up, so a satellite never sees two edge nodes at once while the cluster is whole. Reported in
 * {@code /health} as the {@value #COMPONENT} component.
 */
public final class SatelliteLeases {

  /** The prefix of each satellite's cluster lock. */
  public static final String LOCK_PREFIX = "harpou.satellite.lease.";
  /** The cluster map of the edge nodes taking satellites, by Vert.x node id. */
  public static final String EDGE_NODES = "harpou.edge.nodes";
  /** The component name in {@code /health} and events. */
  public static final String COMPONENT = "satellite_leases";

  private static final Logger LOG = LoggerFactory.getLogger(SatelliteLeases.class);
  private static final long CHECK_MS = 1_000;
  private static final long LOCK_WAIT_MS = 100;

  /** What a node does with the satellites whose lease it takes or gives up. */
  public interface Holder {

    /** Connects the satellite; a failure gives its lease back. */
    Future<Void> connect(String satelliteId);

    /** Hangs up on the satellite; the lease is given back once this completes, whether or not it succeeded. */
    Future<Void> disconnect(String satelliteId);
  }

  private final Vertx vertx;
  private final ClusterManager cluster;
  private final List<String> satellites;
  private final Holder holder;
  private final Map<String, Lock> held = new ConcurrentHashMap<>();
  private AsyncMap<String, String> edges;
  private long timer = -1;
  private boolean checking;
  private volatile boolean closed;
  private String lastReport;

  private SatelliteLeases(Vertx vertx, List<String> satellites, Holder holder) {
    this.vertx = vertx;
    this.cluster = ((VertxInternal) vertx).clusterManager();
    this.satellites = List.copyOf(new TreeSet<>(satellites));
    this.holder = holder;
  }

  /**
   * Registers this node as an edge node and, after the claim delay, starts taking its share of free satellites.
   *
   * @param satelliteIds the household's satellites, the same list on every edge node
   * @return a Future that completes once this node is registered, before it holds any satellite
   */
  public static Future<SatelliteLeases> start(Vertx vertx, ClusterOptions options, List<String> satelliteIds,
      Holder holder) {
    SatelliteLeases leases = new SatelliteLeases(vertx, satelliteIds, holder);
    return vertx.sharedData().<String, String>getAsyncMap(EDGE_NODES).compose(map -> {
      leases.edges = map;
      return map.put(leases.cluster.getNodeId(), "edge");
    }).map(v -> {
      leases.report();
      leases.timer = vertx.setPeriodic(options.getSatelliteClaimDelayMs(), CHECK_MS, t -> leases.check());
      return leases;
    });
  }

  /** The satellites this node holds and connects now. */
  public Set<String> held() {
    return Set.copyOf(held.keySet());
  }

  private void check() {
    if (checking || closed) {
      return;
    }
    checking = true;
    liveEdgeNodes().compose(this::claim).onComplete(ar -> {
      checking = false;
      if (ar.failed()) {
        LOG.debug("Satellite leases not checked: {}", ar.cause().getMessage());
      }
      report();
    });
  }

  /** The live edge nodes, sorted, this one included; forgets nodes that left and registers this one again if lost. */
  private Future<List<String>> liveEdgeNodes() {
    String me = cluster.getNodeId();
    Set<String> live = new HashSet<>(cluster.getNodes());
    return edges.keys().compose(keys -> {
      List<Future<?>> upkeep = new ArrayList<>();
      if (!keys.contains(me)) {
        upkeep.add(edges.put(me, "edge"));
      }
      keys.stream().filter(k -> !live.contains(k) && !k.equals(me)).forEach(k -> upkeep.add(edges.remove(k)));
      TreeSet<String> nodes = new TreeSet<>(keys);
      nodes.retainAll(live);
      nodes.add(me);
      return Future.join(upkeep).transform(ar -> Future.succeededFuture(List.copyOf(nodes)));
    });
  }

  /** Tries the lock of every free satellite that falls to this node. */
  private Future<Void> claim(List<String> nodes) {
    int mine = nodes.indexOf(cluster.getNodeId());
    List<Future<Void>> attempts = new ArrayList<>();
    for (int i = 0; i < satellites.size(); i++) {
      String id = satellites.get(i);
      if (i % nodes.size() == mine && !held.containsKey(id)) {
        attempts.add(take(id));
      }
    }
    return Future.join(attempts).mapEmpty();
  }

  private Future<Void> take(String id) {
    return vertx.sharedData().getLockWithTimeout(LOCK_PREFIX + id, LOCK_WAIT_MS).transform(ar -> {
      if (ar.failed()) {
        // Another live node holds it: it stays there.
        return Future.succeededFuture();
      }
      Lock lock = ar.result();
      if (closed) {
        lock.release();
        return Future.succeededFuture();
      }
      LOG.info("This node holds the lease of satellite {}: connecting it", id);
      return holder.connect(id).compose(v -> {
        if (closed) {
          // Closed while connecting: hang up before anyone else may take it.
          return holder.disconnect(id).eventually(() -> {
            lock.release();
            return Future.succeededFuture();
          });
        }
        held.put(id, lock);
        return Future.<Void>succeededFuture();
      }).recover(e -> {
        LOG.warn("Could not connect satellite {}, giving its lease back: {}", id, e.getMessage());
        lock.release();
        return Future.succeededFuture();
      });
    });
  }

  private void report() {
    String detail = held.isEmpty() ? "connects none of the " + satellites.size() + " satellites listed"
        : "connects " + String.join(", ", new TreeSet<>(held.keySet())) + " (" + held.size() + " of "
        + satellites.size() + ")";
    if (!detail.equals(lastReport)) {
      lastReport = detail;
      // This node's own state: kept off the other nodes, whose health would otherwise show it as theirs.
      vertx.eventBus().publish(BridgeAddresses.EVENTS,
          new ComponentStateChanged(Instant.now(), COMPONENT, "ready", detail).toJson(),
          new DeliveryOptions().setLocalOnly(true));
    }
  }

  /**
   * Gives every satellite up: hangs up on each, then releases its lock for another edge node, and unregisters this
   * node. The Future completes once all are released.
   */
  public Future<Void> close() {
    closed = true;
    vertx.cancelTimer(timer);
    List<Future<Void>> released = new ArrayList<>();
    held.forEach((id, lock) -> released.add(holder.disconnect(id).eventually(() -> {
      lock.release();
      held.remove(id);
      return Future.succeededFuture();
    })));
    return Future.join(released).eventually(() -> edges.remove(cluster.getNodeId())).mapEmpty();
  }
}
