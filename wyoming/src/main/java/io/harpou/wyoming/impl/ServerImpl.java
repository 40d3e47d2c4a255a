package io.harpou.wyoming.impl;

import io.harpou.wyoming.WyomingConnection;
import io.harpou.wyoming.WyomingException;
import io.harpou.wyoming.WyomingServer;
import io.harpou.wyoming.WyomingServerOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Wyoming server over a Vert.x {@link NetServer}. */
public final class ServerImpl implements WyomingServer {

  private static final Logger LOG = LoggerFactory.getLogger(WyomingServer.class);

  private final Vertx vertx;
  private final WyomingServerOptions options;
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
    ConnectionImpl connection =
        new ConnectionImpl(vertx, socket, options.getLimits(), options.getFrameTimeoutMillis());
    try {
      handler.handle(connection);
    } catch (RuntimeException e) {
      LOG.warn("Wyoming connect handler failed for {}; closing that connection", socket.remoteAddress(), e);
      socket.close();
    }
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
