package io.harpou.bridge.vertx.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import java.util.UUID;

/**
 * Claims of single occurrences across a cluster: the first node to claim a key acts on it, every later claim of the
 * same key within {@value #KEEP_MS} ms is refused. Nodes that watch the same home see the same change within a moment
 * of one another, so a rule every node carries is told by one of them, whichever saw it first, and a node that died
 * leaves nothing to hand over. Kept in the cluster map {@value #MAP} (held by the data members, with a backup).
 */
public final class ClusterClaims {

  /** The cluster map's name. */
  public static final String MAP = "harpou.claims";
  /** How long a claim is kept: far longer than the nodes take to see one change, far shorter than a day. */
  static final long KEEP_MS = 10 * 60_000;

  private final Future<AsyncMap<String, String>> claims;
  private final String node;

  /** Claims made on {@code vertx}'s cluster in this node's name. */
  public ClusterClaims(Vertx vertx) {
    this.claims = vertx.sharedData().getAsyncMap(MAP);
    this.node = UUID.randomUUID().toString();
  }

  /** True when this node is the first to claim {@code occurrence}. */
  public Future<Boolean> claim(String occurrence) {
    return claims.compose(map -> map.putIfAbsent(occurrence, node, KEEP_MS)).map(earlier -> earlier == null);
  }
}
