package io.harpou.bridge.vertx.ha.impl;

import io.harpou.bridge.api.home.HomeAssistantException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One authenticated WebSocket session with Home Assistant: increasing ids, replies matched to calls with a timeout
 * each, events routed to subscriptions by id, array (coalesced) frames unpacked. Runs on one Vert.x context; a new
 * connection (fresh ids, fresh subscriptions) is made after every drop.
 */
final class HaConnection {

  private static final Logger LOG = LoggerFactory.getLogger(HaConnection.class);

  private final Vertx vertx;
  private final WebSocket socket;
  private final Map<Long, Pending> pending = new HashMap<>();
  private final Map<Long, Handler<JsonObject>> subscriptions = new HashMap<>();
  private final Promise<Void> closed = Promise.promise();
  private final int maxMessageSize;
  private Buffer partial;
  private boolean skippingBinary;
  private Promise<String> auth;
  private long lastId;
  private boolean dropped;

  private record Pending(Promise<Object> promise, long timer) {
  }

  HaConnection(Vertx vertx, WebSocket socket, int maxMessageSize) {
    this.vertx = vertx;
    this.socket = socket;
    this.maxMessageSize = maxMessageSize;
    socket.frameHandler(this::onFrame);
    socket.exceptionHandler(e -> drop("WebSocket error: " + e.getMessage()));
    socket.closeHandler(v -> drop("closed by Home Assistant"
        + (socket.closeStatusCode() == null ? "" : " (" + socket.closeStatusCode() + ")")));
  }

  /**
   * Runs the auth phase: waits for {@code auth_required}, sends the token, waits for {@code auth_ok}.
   *
   * @return the HA version; fails with {@link HomeAssistantException#AUTH_INVALID} or a connection failure
   */
  Future<String> authenticate(String token, long timeoutMs) {
    if (dropped) {
      return Future.failedFuture(new HomeAssistantException(HomeAssistantException.CONNECTION_LOST,
          "the connection to Home Assistant is closed"));
    }
    auth = Promise.promise();
    long timer = vertx.setTimer(timeoutMs, t -> {
      if (auth.tryFail(new HomeAssistantException(HomeAssistantException.TIMEOUT, "no auth reply within "
          + timeoutMs + " ms"))) {
        socket.close();
      }
    });
    Promise<String> current = auth;
    socket.writeTextMessage(new JsonObject().put("type", "auth").put("access_token", token == null ? "" : token)
        .encode());
    return current.future().onComplete(r -> vertx.cancelTimer(timer));
  }

  /** Completes when the connection is gone, with the reason as message of the failure. */
  Future<Void> closed() {
    return closed.future();
  }

  boolean isOpen() {
    return !dropped;
  }

  /**
   * Sends a command (a fresh id is added) and completes with its {@code result} value (may be null), or fails:
   * {@link HomeAssistantException#NOT_CONNECTED} when the connection was already closed (nothing was sent),
   * {@link HomeAssistantException#CONNECTION_LOST} or {@link HomeAssistantException#TIMEOUT} once it was handed to the
   * socket and no answer came (Home Assistant may have run it), else Home Assistant's error.
   */
  Future<Object> call(JsonObject command, long timeoutMs) {
    return send(command, timeoutMs, null);
  }

  /**
   * Sends a subscription-type command; {@code events} gets every {@code event} body under its id from now on.
   *
   * @return the subscription id once HA accepted it
   */
  Future<Long> subscribe(JsonObject command, long timeoutMs, Handler<JsonObject> events) {
    long[] id = new long[1];
    return send(command, timeoutMs, id, events).map(r -> id[0]);
  }

  /** Stops routing events of a subscription here (the caller unsubscribes on HA's side if it wants). */
  void forget(long subscriptionId) {
    subscriptions.remove(subscriptionId);
  }

  private Future<Object> send(JsonObject command, long timeoutMs, long[] idOut) {
    return send(command, timeoutMs, idOut, null);
  }

  private Future<Object> send(JsonObject command, long timeoutMs, long[] idOut, Handler<JsonObject> events) {
    if (dropped) {
      return Future.failedFuture(new HomeAssistantException(HomeAssistantException.NOT_CONNECTED,
          "the connection to Home Assistant is closed; " + command.getString("type") + " was not sent"));
    }
    long id = ++lastId;
    if (idOut != null) {
      idOut[0] = id;
    }
    if (events != null) {
      subscriptions.put(id, events);
    }
    Promise<Object> promise = Promise.promise();
    long timer = vertx.setTimer(timeoutMs, t -> {
      if (pending.remove(id) != null) {
        subscriptions.remove(id);
        promise.tryFail(new HomeAssistantException(HomeAssistantException.TIMEOUT,
            command.getString("type") + " got no answer within " + timeoutMs + " ms"));
      }
    });
    pending.put(id, new Pending(promise, timer));
    JsonObject message = new JsonObject().put("id", id).mergeIn(command);
    if (LOG.isTraceEnabled()) {
      LOG.trace("-> {}", message.getString("type"));
    }
    socket.writeTextMessage(message.encode()).onFailure(e -> fail(id, e));
    return promise.future();
  }

  private void fail(long id, Throwable cause) {
    Pending p = pending.remove(id);
    if (p != null) {
      vertx.cancelTimer(p.timer());
      p.promise().tryFail(new HomeAssistantException(HomeAssistantException.CONNECTION_LOST,
          "could not send to Home Assistant: " + cause.getMessage(), cause));
    }
  }

  /**
   * Closes the socket; calls in flight fail with {@link HomeAssistantException#CONNECTION_LOST}. The Future completes
   * once the socket is closed.
   */
  Future<Void> close(String reason) {
    drop(reason);
    return socket.close();
  }

  private void drop(String reason) {
    if (dropped) {
      return;
    }
    dropped = true;
    HomeAssistantException lost = new HomeAssistantException(HomeAssistantException.CONNECTION_LOST,
        "connection to Home Assistant lost: " + reason);
    // The owner learns of the drop first, so by the time a caller sees CONNECTION_LOST the state says so too.
    closed.tryFail(lost);
    if (auth != null) {
      auth.tryFail(lost);
    }
    Map<Long, Pending> inFlight = new HashMap<>(pending);
    pending.clear();
    subscriptions.clear();
    inFlight.values().forEach(p -> {
      vertx.cancelTimer(p.timer());
      p.promise().tryFail(lost);
    });
  }

  /**
   * Text messages are parsed from their UTF-8 bytes, without building a String first: a full sync is megabytes of
   * JSON, and the decode measured as a sixth of the client's work. Fragmented messages are reassembled here.
   */
  private void onFrame(WebSocketFrame frame) {
    if (frame.isText() || frame.isContinuation() && !skippingBinary) {
      Buffer data = frame.binaryData();
      if (frame.isFinal() && partial == null) {
        onText(data);
        return;
      }
      partial = partial == null ? Buffer.buffer().appendBuffer(data) : partial.appendBuffer(data);
      if (partial.length() > maxMessageSize) {
        partial = null;
        LOG.warn("Home Assistant sent a message over {} bytes; closing the connection", maxMessageSize);
        close("message too big");
      } else if (frame.isFinal()) {
        Buffer message = partial;
        partial = null;
        onText(message);
      }
    } else if (frame.isBinary() || frame.isContinuation()) {
      skippingBinary = !frame.isFinal();
      LOG.debug("Ignoring a binary frame from Home Assistant");
    }
  }

  private void onText(Buffer text) {
    Object parsed;
    try {
      int start = 0;
      while (start < text.length() && Character.isWhitespace(text.getByte(start))) {
        start++;
      }
      parsed = start < text.length() && text.getByte(start) == '[' ? new JsonArray(text) : new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      LOG.warn("Home Assistant sent a frame that is not JSON; closing the connection");
      close("malformed JSON frame");
      return;
    }
    if (parsed instanceof JsonArray array) {
      for (int i = 0; i < array.size() && !dropped; i++) {
        Object item = array.getValue(i);
        if (item instanceof JsonObject message) {
          onMessage(message);
        }
      }
    } else {
      onMessage((JsonObject) parsed);
    }
  }

  private void onMessage(JsonObject message) {
    String type = message.getString("type", "");
    switch (type) {
      case "auth_required" -> LOG.debug("Home Assistant {} asks for auth", message.getString("ha_version"));
      case "auth_ok" -> {
        if (auth != null) {
          auth.tryComplete(message.getString("ha_version"));
        }
      }
      case "auth_invalid" -> {
        if (auth != null) {
          auth.tryFail(new HomeAssistantException(HomeAssistantException.AUTH_INVALID,
              message.getString("message", "auth_invalid")));
        }
      }
      case "result", "pong" -> onReply(message, type);
      case "event" -> onEvent(message);
      default -> LOG.debug("Ignoring a message of type {}", type);
    }
  }

  private void onReply(JsonObject message, String type) {
    Long id = message.getLong("id");
    Pending p = id == null ? null : pending.remove(id);
    if (p == null) {
      LOG.debug("Reply to unknown or expired id {}", id);
      return;
    }
    vertx.cancelTimer(p.timer());
    if ("pong".equals(type) || message.getBoolean("success", false)) {
      p.promise().tryComplete(message.getValue("result"));
    } else {
      subscriptions.remove(id);
      JsonObject error = message.getJsonObject("error", new JsonObject());
      p.promise().tryFail(new HomeAssistantException(error.getString("code", "unknown_error"),
          error.getString("message", "Home Assistant refused the request")));
    }
  }

  private void onEvent(JsonObject message) {
    Long id = message.getLong("id");
    Handler<JsonObject> handler = id == null ? null : subscriptions.get(id);
    if (handler == null) {
      LOG.debug("Event for unknown subscription {}", id);
      return;
    }
    try {
      handler.handle(message.getJsonObject("event", new JsonObject()));
    } catch (RuntimeException e) {
      LOG.warn("Could not handle an event of subscription {}: {}", id, e.toString());
    }
  }
}
