package io.harpou.testkit.ha.impl;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One WebSocket connection: the auth phase, Home Assistant's framing and id rules, the outbound queue with message
 * coalescing, and the connection's subscriptions.
 */
final class WsSession {

  private static final Logger LOG = LoggerFactory.getLogger(WsSession.class);
  private static final int MAX_COALESCED = 256;
  private static final Set<String> AUTH_KEYS = Set.of("type", "access_token", "api_password");

  final Home home;
  final FaultsImpl faults;
  final WsCommands commands;
  private final ServerWebSocket ws;
  private final Context context;
  private final Runnable onClose;
  private final ArrayDeque<Object> outbox = new ArrayDeque<>();
  private final Map<Long, Runnable> subscriptions = new HashMap<>();
  private boolean authenticated;
  private boolean coalesce;
  private boolean flushScheduled;
  private boolean closed;
  private long lastId;
  private long authTimer = -1;
  private long dropInsteadOf = -1;

  WsSession(Home home, FaultsImpl faults, WsCommands commands, ServerWebSocket ws, Runnable onClose) {
    this.home = home;
    this.faults = faults;
    this.commands = commands;
    this.ws = ws;
    this.context = Vertx.currentContext();
    this.onClose = onClose;
  }

  void start() {
    ws.textMessageHandler(this::onText);
    ws.binaryMessageHandler(this::onBinary);
    ws.exceptionHandler(err -> LOG.debug("WebSocket error: {}", err.toString()));
    ws.closeHandler(v -> cleanUp());
    ws.writeTextMessage(new JsonObject().put("type", "auth_required").put("ha_version",
        home.options.getHaVersion()).encode());
    authTimer = home.vertx.setTimer(home.options.getAuthTimeoutMillis(), t -> {
      if (!authenticated) {
        LOG.debug("Did not receive auth message within {} ms", home.options.getAuthTimeoutMillis());
        ws.close();
      }
    });
  }

  private void onBinary(Buffer data) {
    if (!authenticated || data.length() == 0) {
      ws.close();
    }
    // Binary frames feed handlers such as assist_pipeline/run, which the virtual home does not offer: ignored.
  }

  private void onText(String text) {
    Object parsed;
    try {
      parsed = Json.decodeValue(text);
    } catch (DecodeException e) {
      LOG.debug("Received invalid JSON, closing");
      ws.close();
      return;
    }
    if (!authenticated) {
      authPhase(parsed);
      return;
    }
    if (parsed instanceof JsonArray batch) {
      for (Object msg : batch) {
        commands.handle(this, msg);
      }
    } else {
      commands.handle(this, parsed);
    }
  }

  private void authPhase(Object parsed) {
    if (!(parsed instanceof JsonObject msg)) {
      ws.close();
      return;
    }
    String problem = null;
    for (String key : msg.fieldNames()) {
      if (!AUTH_KEYS.contains(key)) {
        problem = "extra keys not allowed @ data['" + key + "']. Got " + Repr.of(msg.getValue(key));
        break;
      }
    }
    if (problem == null && !"auth".equals(msg.getValue("type"))) {
      problem = "not a valid value for dictionary value @ data['type']. Got " + Repr.of(msg.getValue("type"));
    }
    if (problem == null && msg.containsKey("access_token") && msg.containsKey("api_password")) {
      problem = "two or more values in the same group of exclusion 'password' @ data[<password>]";
    }
    if (problem != null) {
      rejectAuth("Auth message incorrectly formatted: " + problem);
      return;
    }
    Object token = msg.getValue("access_token");
    if (token instanceof String t && t.equals(home.options.getAccessToken()) && !faults.authRejected()) {
      authenticated = true;
      home.vertx.cancelTimer(authTimer);
      ws.writeTextMessage(new JsonObject().put("type", "auth_ok").put("ha_version", home.options.getHaVersion())
          .encode());
    } else {
      rejectAuth("Invalid access token or password");
    }
  }

  private void rejectAuth(String message) {
    ws.writeTextMessage(new JsonObject().put("type", "auth_invalid").put("message", message).encode())
        .onComplete(ar -> ws.close());
  }

  long lastId() {
    return lastId;
  }

  void advance(long id) {
    lastId = Math.max(lastId, id);
  }

  /** The answer to command {@code id} is never sent: the connection drops when it is ready. */
  void dropInsteadOfAnswering(long id) {
    dropInsteadOf = id;
  }

  void enableCoalescing(boolean on) {
    coalesce = on;
  }

  void addSubscription(long id, Runnable cancel) {
    subscriptions.put(id, cancel);
  }

  boolean cancelSubscription(long id) {
    Runnable cancel = subscriptions.remove(id);
    if (cancel != null) {
      cancel.run();
    }
    return cancel != null;
  }

  void result(long id, Object result) {
    send(new JsonObject().put("id", id).put("type", "result").put("success", true).put("result", result));
  }

  void error(Object id, ServiceError error) {
    send(new JsonObject().put("id", id).put("type", "result").put("success", false).put("error", error.toJson()));
  }

  void event(long id, JsonObject event) {
    send(new JsonObject().put("id", id).put("type", "event").put("event", event));
  }

  /** Queues a message; safe from any thread (state changes made by tests arrive from their own threads). */
  void send(JsonObject message) {
    if (Vertx.currentContext() == context) {
      enqueue(message);
    } else {
      context.runOnContext(v -> enqueue(message));
    }
  }

  private void enqueue(JsonObject message) {
    if (closed) {
      return;
    }
    if (dropInsteadOf >= 0 && "result".equals(message.getString("type"))
        && Long.valueOf(dropInsteadOf).equals(message.getLong("id"))) {
      closed = true;
      drop();
      return;
    }
    outbox.add(message);
    if (!flushScheduled) {
      flushScheduled = true;
      context.runOnContext(v -> flush());
    }
  }

  /** Writes queued messages: one array frame when coalescing and more than one is ready, else one frame each. */
  void flush() {
    flushScheduled = false;
    if (closed || faults.stalled()) {
      return;
    }
    while (!outbox.isEmpty()) {
      if (coalesce && outbox.size() > 1) {
        JsonArray batch = new JsonArray();
        while (!outbox.isEmpty() && batch.size() < MAX_COALESCED) {
          batch.add(outbox.poll());
        }
        ws.writeTextMessage(batch.encode());
      } else {
        ws.writeTextMessage(((JsonObject) outbox.poll()).encode());
      }
    }
  }

  /** Flushes from the session's own context (used when stalled replies are released). */
  void flushLater() {
    context.runOnContext(v -> flush());
  }

  /** Closes the TCP connection without a close frame, as a network failure would. */
  void drop() {
    context.runOnContext(v -> {
      closed = true;
      // Closing below Vert.x's own handler skips the WebSocket close handshake, as a network failure would; Vert.x's
      // public close() always sends a 1000 close frame first.
      if (ws instanceof io.vertx.core.internal.http.WebSocketInternal internal) {
        internal.channelHandlerContext().close();
      } else {
        ws.close();
      }
    });
  }

  void closeNormally() {
    context.runOnContext(v -> ws.close());
  }

  private void cleanUp() {
    closed = true;
    home.vertx.cancelTimer(authTimer);
    subscriptions.values().forEach(Runnable::run);
    subscriptions.clear();
    onClose.run();
  }
}
