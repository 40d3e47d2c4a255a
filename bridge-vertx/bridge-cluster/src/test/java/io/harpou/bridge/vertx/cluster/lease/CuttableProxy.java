package io.harpou.bridge.vertx.cluster.lease;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A TCP relay to a server on loopback that the test can cut, as a broken network link would: every socket closes. */
final class CuttableProxy {

  private final Vertx vertx;
  private final NetServer server;
  private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();

  private CuttableProxy(Vertx vertx, int targetPort) {
    this.vertx = vertx;
    this.server = vertx.createNetServer().connectHandler(in -> {
      in.pause();
      sockets.add(in);
      vertx.createNetClient().connect(targetPort, "127.0.0.1").onSuccess(out -> {
        sockets.add(out);
        in.pipeTo(out);
        out.pipeTo(in);
        in.resume();
      }).onFailure(e -> in.close());
    });
  }

  /** Relays a port of its own to {@code targetPort}. */
  static CuttableProxy start(Vertx vertx, int targetPort) {
    CuttableProxy proxy = new CuttableProxy(vertx, targetPort);
    proxy.server.listen(0, "127.0.0.1").await();
    return proxy;
  }

  int port() {
    return server.actualPort();
  }

  /** Stops relaying: no new connection, and the open ones close. */
  void cut() {
    server.close().await();
    sockets.forEach(NetSocket::close);
  }
}
