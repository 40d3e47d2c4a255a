package io.harpou.wyoming.impl;

import io.harpou.wyoming.WyomingClient;
import io.harpou.wyoming.WyomingClientOptions;
import io.harpou.wyoming.WyomingConnection;
import io.harpou.wyoming.WyomingException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;

/** A Wyoming client over a Vert.x {@link NetClient}. */
public final class ClientImpl implements WyomingClient {

  private final Vertx vertx;
  private final WyomingClientOptions options;
  private final NetClient netClient;

  /**
   * Creates the client.
   *
   * @param vertx the Vert.x instance
   * @param options the options, copied
   */
  public ClientImpl(Vertx vertx, WyomingClientOptions options) {
    this.vertx = vertx;
    this.options = new WyomingClientOptions(options.toJson());
    this.netClient = vertx.createNetClient(new NetClientOptions()
        .setConnectTimeout(this.options.getConnectTimeoutMillis())
        .setTcpNoDelay(true));
  }

  @Override
  public Future<WyomingConnection> connect(String host, int port) {
    return netClient.connect(port, host)
        .recover(e -> Future.failedFuture(
            new WyomingException("cannot connect to Wyoming server " + host + ":" + port + ": " + e.getMessage(), e)))
        .map(socket -> new ConnectionImpl(vertx, socket, options.getLimits(), options.getFrameTimeoutMillis(), null));
  }

  @Override
  public Future<Void> close() {
    return netClient.close();
  }
}
