package io.harpou.wyoming;

import io.harpou.wyoming.impl.ClientImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Opens Wyoming connections to servers (speech-to-text, text-to-speech, wake word, satellites). One client can
 * open many connections; Home Assistant's habit is one connection per operation.
 */
public interface WyomingClient {

  /**
   * Creates a client.
   *
   * @param vertx the Vert.x instance
   * @param options timeouts and limits
   * @return a new client
   */
  static WyomingClient create(Vertx vertx, WyomingClientOptions options) {
    return new ClientImpl(vertx, options);
  }

  /**
   * Connects to a server.
   *
   * @param host the server's host name or address
   * @param port the server's port
   * @return a future with the open connection; failed when the connection is refused or times out
   */
  Future<WyomingConnection> connect(String host, int port);

  /**
   * Closes the client and the connections it opened.
   *
   * @return a future completed when everything is closed
   */
  Future<Void> close();
}
