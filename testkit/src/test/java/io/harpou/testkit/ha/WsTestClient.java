package io.harpou.testkit.ha;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A raw WebSocket client for tests: records every frame and every message (array frames flattened). */
final class WsTestClient implements AutoCloseable {

  final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
  final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
  final CompletableFuture<Short> closed = new CompletableFuture<>();
  final BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();
  private final WebSocketClient client;
  private final WebSocket ws;

  private WsTestClient(WebSocketClient client, WebSocket ws) {
    this.client = client;
    this.ws = ws;
    ws.textMessageHandler(text -> {
      frames.add(text);
      Object parsed = Json.decodeValue(text);
      if (parsed instanceof JsonArray array) {
        array.forEach(o -> messages.add((JsonObject) o));
      } else {
        messages.add((JsonObject) parsed);
      }
    });
    ws.exceptionHandler(err -> errors.add(err));
    ws.closeHandler(v -> closed.complete(ws.closeStatusCode() == null ? -1 : ws.closeStatusCode()));
  }

  /** Connects and consumes {@code auth_required}. */
  static WsTestClient connect(Vertx vertx, VirtualHomeAssistant home) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(16 * 1024 * 1024).setMaxMessageSize(64 * 1024 * 1024));
    // Handlers are installed in the completion callback, on the event loop, so no early frame is lost.
    WsTestClient c = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(home.actualPort())
        .setURI("/api/websocket")).map(ws -> new WsTestClient(client, ws)).await();
    JsonObject required = c.next();
    if (!"auth_required".equals(required.getString("type"))) {
      throw new AssertionError("expected auth_required, got " + required);
    }
    return c;
  }

  /** Connects and authenticates with the right token. */
  static WsTestClient authenticated(Vertx vertx, VirtualHomeAssistant home) {
    WsTestClient c = connect(vertx, home);
    c.send(new JsonObject().put("type", "auth").put("access_token", home.accessToken()));
    JsonObject ok = c.next();
    if (!"auth_ok".equals(ok.getString("type"))) {
      throw new AssertionError("expected auth_ok, got " + ok);
    }
    return c;
  }

  void send(JsonObject message) {
    ws.writeTextMessage(message.encode()).await();
  }

  void sendText(String text) {
    ws.writeTextMessage(text).await();
  }

  JsonObject next() {
    try {
      JsonObject m = messages.poll(5, TimeUnit.SECONDS);
      if (m == null) {
        throw new AssertionError("no message within 5 s");
      }
      return m;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** Sends a command and returns its result (skipping nothing: the result must be the next message). */
  JsonObject call(JsonObject command) {
    send(command);
    return next();
  }

  /** The next message with this id, skipping others. */
  JsonObject nextFor(long id) {
    while (true) {
      JsonObject m = next();
      if (m.getLong("id", -1L) == id) {
        return m;
      }
    }
  }

  /** The next message, or null if none arrives within this many milliseconds. */
  JsonObject poll(long millis) throws InterruptedException {
    return messages.poll(millis, TimeUnit.MILLISECONDS);
  }

  short awaitClose() {
    try {
      return closed.get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("connection not closed within 5 s", e);
    }
  }

  @Override
  public void close() {
    if (!closed.isDone()) {
      ws.close();
    }
    client.close();
  }
}
