package io.harpou.wyoming.impl;

import io.harpou.wyoming.WyomingConnection;
import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.WyomingException;
import io.harpou.wyoming.WyomingServer;
import io.harpou.wyoming.WyomingServerOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Wyoming server over a Vert.x {@link NetServer}. It counts open connections, in all and per peer address, and
 * refuses one beyond either cap with an {@code error} event before anything of it is read.
 */
public final class ServerImpl implements WyomingServer {

  private static final Logger LOG = LoggerFactory.getLogger(WyomingServer.class);
  /** The {@code error} code sent to a connection refused because the server is full. */
  public static final String SERVER_BUSY_CODE = "server-busy";
  // A flood of refused connections logs one warning a minute, not one line each.
  private static final long REFUSAL_LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final Vertx vertx;
  private final WyomingServerOptions options;
  private final AtomicInteger open = new AtomicInteger();
  private final Map<String, Integer> openByAddress = new ConcurrentHashMap<>();
  private final AtomicLong refusedSinceLog = new AtomicLong();
  private final AtomicLong lastRefusalLogNanos = new AtomicLong(System.nanoTime() - REFUSAL_LOG_INTERVAL_NANOS);
  private Handler<WyomingConnection> connectHandler;
  private NetServer netServer;
  private Future<ZeroconfAnnouncer> announcer;

  /**
   * Creates the server.
   *
   * @param vertx the Vert.x instance
   * @param options the options, copied
   */
  public ServerImpl(Vertx vertx, WyomingServerOptions options) {
    this.vertx = vertx;
    this.options = new WyomingServerOptions(options.toJson());
  }

  @Override
  public WyomingServer connectHandler(Handler<WyomingConnection> handler) {
    this.connectHandler = handler;
    return this;
  }

  @Override
  public Future<WyomingServer> listen() {
    Handler<WyomingConnection> handler = connectHandler;
    if (handler == null) {
      return Future.failedFuture(new WyomingException("set a connect handler before listen()"));
    }
    if (netServer != null) {
      return Future.failedFuture(new WyomingException("the server is already listening"));
    }
    NetServerOptions netOptions = new NetServerOptions()
        .setHost(options.getHost())
        .setPort(options.getPort())
        .setTcpNoDelay(true);
    NetServer server = vertx.createNetServer(netOptions);
    server.connectHandler(socket -> accept(socket, handler));
    netServer = server;
    return server.listen().map(s -> {
      LOG.info("Wyoming server listening on {}:{}", options.getHost(), s.actualPort());
      if (options.getZeroconfName() != null) {
        announce(s.actualPort());
      }
      return (WyomingServer) this;
    }).onFailure(e -> netServer = null);
  }

  private void announce(int port) {
    String name = options.getZeroconfName();
    try {
      announcer = ZeroconfAnnouncer.start(vertx, name, options.getHost(), port)
          .onSuccess(a -> LOG.info("Wyoming server announced as {}.{}", name, ZeroconfAnnouncer.SERVICE_TYPE))
          .onFailure(e -> LOG.warn("Wyoming zeroconf announcement failed; the server still listens", e));
    } catch (NoClassDefFoundError e) {
      LOG.warn("Wyoming zeroconf needs org.jmdns:jmdns on the class path; the server still listens");
    }
  }

  private void accept(NetSocket socket, Handler<WyomingConnection> handler) {
    SocketAddress remote = socket.remoteAddress();
    String address = remote == null || remote.host() == null ? "" : remote.host();
    String refusal = admit(address);
    if (refusal != null) {
      refuse(socket, refusal);
      return;
    }
    ConnectionImpl connection = new ConnectionImpl(vertx, socket, options.getLimits(),
        options.getFrameTimeoutMillis(), new ServerSide(options.getIdleTimeoutMillis(), () -> release(address)));
    try {
      handler.handle(connection);
    } catch (RuntimeException e) {
      LOG.warn("Wyoming connect handler failed for {}; closing that connection", socket.remoteAddress(), e);
      socket.close();
    }
  }

  /** Counts a new connection from {@code address}; returns why it is refused, or null when it is admitted. */
  private String admit(String address) {
    if (open.incrementAndGet() > options.getMaxConnections()) {
      open.decrementAndGet();
      return "the server already has " + options.getMaxConnections() + " connections";
    }
    if (openByAddress.merge(address, 1, Integer::sum) > options.getMaxConnectionsPerAddress()) {
      release(address);
      return "too many connections from " + address + " (at most " + options.getMaxConnectionsPerAddress() + ")";
    }
    return null;
  }

  private void release(String address) {
    open.decrementAndGet();
    openByAddress.computeIfPresent(address, (a, count) -> count <= 1 ? null : count - 1);
  }

  private void refuse(NetSocket socket, String reason) {
    socket.pause();
    long refused = refusedSinceLog.incrementAndGet();
    long last = lastRefusalLogNanos.get();
    long now = System.nanoTime();
    if (now - last >= REFUSAL_LOG_INTERVAL_NANOS && lastRefusalLogNanos.compareAndSet(last, now)) {
      refusedSinceLog.addAndGet(-refused);
      LOG.warn("Refused {} Wyoming connection(s) (reported at most once a minute); the latest from {}: {}", refused,
          socket.remoteAddress(), reason);
    }
    JsonObject data = new JsonObject().put("text", reason).put("code", SERVER_BUSY_CODE);
    socket.end(EventEncoder.encode(WyomingEvent.of("error", data)));
  }

  @Override
  public int actualPort() {
    NetServer server = netServer;
    return server == null ? 0 : server.actualPort();
  }

  @Override
  public Future<Void> close() {
    NetServer server = netServer;
    netServer = null;
    Future<ZeroconfAnnouncer> announced = announcer;
    announcer = null;
    Future<Void> silenced = announced == null ? Future.succeededFuture()
        : announced.compose(a -> a.stop(vertx), e -> Future.succeededFuture());
    return silenced.transform(ar -> server == null ? Future.<Void>succeededFuture() : server.close());
  }
}
