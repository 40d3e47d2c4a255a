package io.harpou.bridge.vertx.speech;

import io.harpou.wyoming.WyomingConnection;
import io.harpou.wyoming.WyomingMessage;
import io.harpou.wyoming.WyomingServer;
import io.harpou.wyoming.WyomingServerOptions;
import io.harpou.wyoming.message.WyomingMessages;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * A Wyoming server on loopback, port 0, built with the wyoming module, that plays a speech service (faster-whisper,
 * Piper) by the script the test gives it, and records every message it received.
 */
final class FakeSpeechServer {

  final List<WyomingMessage> received = new CopyOnWriteArrayList<>();
  private final WyomingServer server;

  private FakeSpeechServer(WyomingServer server) {
    this.server = server;
  }

  /** Starts a server that calls {@code script} with each message and the connection it came on. */
  static FakeSpeechServer start(Vertx vertx, BiConsumer<WyomingConnection, WyomingMessage> script) {
    WyomingServer server = WyomingServer.create(vertx, new WyomingServerOptions().setHost("127.0.0.1").setPort(0));
    FakeSpeechServer fake = new FakeSpeechServer(server);
    server.connectHandler(connection -> connection.handler(event -> {
      WyomingMessage message = WyomingMessages.read(event);
      fake.received.add(message);
      script.accept(connection, message);
    }));
    server.listen().await();
    return fake;
  }

  int port() {
    return server.actualPort();
  }

  void close() {
    server.close().await();
  }
}
