package io.harpou.wyoming;

import io.harpou.wyoming.impl.ServerImpl;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;

/**
 * A Wyoming TCP server: each accepted socket becomes a {@link WyomingConnection} handed to the connect handler.
 * A connection that breaks the protocol is closed alone; the server and every other connection carry on. A
 * connection beyond {@link WyomingServerOptions#getMaxConnections()} open connections, or beyond
 * {@link WyomingServerOptions#getMaxConnectionsPerAddress()} from its peer's address, never reaches the connect
 * handler: it gets an {@code error} event with code {@code server-busy} and is closed.
 */
public interface WyomingServer {

  /**
   * Creates a server; nothing is bound until {@link #listen()}.
   *
   * @param vertx the Vert.x instance
   * @param options host, port, limits and timeouts
   * @return a new server
   */
  static WyomingServer create(Vertx vertx, WyomingServerOptions options) {
    return new ServerImpl(vertx, options);
  }

  /**
   * Sets the handler of new connections; set it before {@link #listen()}.
   *
   * @param handler called on the connection's event loop before any event of that connection is read
   * @return this server
   */
  WyomingServer connectHandler(Handler<WyomingConnection> handler);

  /**
   * Binds the server to the host and port of its options.
   *
   * @return a future with this server once bound; failed when the address cannot be bound or no connect handler
   *     is set
   */
  Future<WyomingServer> listen();

  /**
   * Returns the port the server is bound to, useful after listening on port 0.
   *
   * @return the actual port, or 0 before {@link #listen()} succeeded
   */
  int actualPort();

  /**
   * Stops accepting and closes every open connection.
   *
   * @return a future completed when the server is closed
   */
  Future<Void> close();
}
