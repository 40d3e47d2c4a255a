package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.vertx.http.HttpApiOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the server's connections: how many are open (in all and per client address; more are closed as they
 * arrive), how long one may sit with no request in progress (an idle keep-alive, or headers that never finish), and
 * how long a request's body may take once its headers arrived. A request being answered is never cut (a turn may
 * wait on a slow model), nor is an upgraded WebSocket, which {@link EventHub} pings. Checked once a second, so limits
 * hold to within a second. Used from the serving verticle's event loop.
 */
public final class ConnectionLimits {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimits.class);
  private static final long SWEEP_MS = 1000;
  private static final long WARN_EVERY_NANOS = 60_000_000_000L;

  /** A connection's request state: between requests, receiving one, or answering one. */
  private enum State { WAITING, RECEIVING, ANSWERING }

  private final Vertx vertx;
  private final int maxConnections;
  private final int maxPerAddress;
  private final long idleNanos;
  private final long requestNanos;
  private final Map<HttpConnection, Tracked> open = new HashMap<>();
  private final Map<String, Integer> perAddress = new HashMap<>();
  private final long timer;
  private long lastWarning = System.nanoTime() - WARN_EVERY_NANOS;

  /** Limits from {@code options}; starts the once-a-second check. */
  public ConnectionLimits(Vertx vertx, HttpApiOptions options) {
    this.vertx = vertx;
    this.maxConnections = options.getMaxConnections();
    this.maxPerAddress = options.getMaxConnectionsPerAddress();
    this.idleNanos = options.getIdleTimeoutSeconds() * 1_000_000_000L;
    this.requestNanos = options.getRequestTimeoutSeconds() * 1_000_000_000L;
    this.timer = vertx.setPeriodic(SWEEP_MS, id -> sweep());
  }

  /** The server's connection handler: admits the connection, or closes it when a cap is reached. */
  public void opened(HttpConnection connection) {
    String address = connection.remoteAddress() == null ? "" : connection.remoteAddress().hostAddress();
    int fromAddress = perAddress.getOrDefault(address, 0);
    if (open.size() >= maxConnections || fromAddress >= maxPerAddress) {
      warn(open.size() >= maxConnections ? "the limit of " + maxConnections + " connections"
          : "the limit of " + maxPerAddress + " connections from " + address);
      connection.close();
      return;
    }
    perAddress.put(address, fromAddress + 1);
    open.put(connection, new Tracked(address));
    connection.closeHandler(v -> closed(connection));
  }

  /** Counts a connection out; also called by {@link EventHub}, since an upgraded connection stops reporting it. */
  void closed(HttpConnection connection) {
    Tracked tracked = open.remove(connection);
    if (tracked != null) {
      perAddress.computeIfPresent(tracked.address, (a, n) -> n == 1 ? null : n - 1);
    }
  }

  /** Call for each request before routing it, so its connection's clock follows it. */
  public void requested(HttpServerRequest request) {
    Tracked tracked = open.get(request.connection());
    if (tracked != null) {
      tracked.request = request;
      tracked.state = State.RECEIVING;
      tracked.since = System.nanoTime();
    }
  }

  /** Number of connections open. */
  public int size() {
    return open.size();
  }

  /** Stops the check; nothing is left to wait for. */
  public Future<Void> close() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  private void sweep() {
    long now = System.nanoTime();
    List<HttpConnection> expired = new ArrayList<>();
    open.forEach((connection, tracked) -> {
      State state = tracked.current();
      if (state != tracked.state) {
        tracked.state = state;
        tracked.since = now;
      }
      long age = now - tracked.since;
      if ((state == State.WAITING && age > idleNanos) || (state == State.RECEIVING && age > requestNanos)) {
        expired.add(connection);
      }
    });
    expired.forEach(HttpConnection::close);
  }

  private void warn(String limit) {
    long now = System.nanoTime();
    if (now - lastWarning >= WARN_EVERY_NANOS) {
      lastWarning = now;
      LOG.warn("HTTP API: refusing new connections at {} (logged once a minute)", limit);
    }
  }

  /** One open connection: its peer, the request it is on, its state and since when. */
  private static final class Tracked {
    private final String address;
    private HttpServerRequest request;
    private State state = State.WAITING;
    private long since = System.nanoTime();

    Tracked(String address) {
      this.address = address;
    }

    State current() {
      if (request == null || request.response().ended()) {
        return State.WAITING;
      }
      return request.isEnded() ? State.ANSWERING : State.RECEIVING;
    }
  }
}
