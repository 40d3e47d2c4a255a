package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.Ids;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One events WebSocket client: its subscription, its outbound queue and its authentication when it came without a
 * key. Messages from the client: {@code {"type":"auth","token":...}}, {@code {"type":"subscribe","kinds":[...],
 * "conversation_id":...}} (no kinds: every kind), {@code {"type":"unsubscribe","kinds":[...]}} (no kinds: all).
 */
final class EventClient {

  private static final long AUTH_TIMEOUT_MS = 10_000;

  private final Vertx vertx;
  private final ServerWebSocket ws;
  private final int queueSize;
  private final String remote;
  private final AccessGuard guard;
  private Access access;
  private long lastHeard = System.nanoTime();
  private final ArrayDeque<String> queue = new ArrayDeque<>();
  private final Set<String> kinds = new HashSet<>();
  private boolean allKinds;
  private String conversation;
  private long dropped;
  private boolean closed;

  EventClient(Vertx vertx, ServerWebSocket ws, int queueSize, Access access, String remote, AccessGuard guard) {
    this.vertx = vertx;
    this.ws = ws;
    this.queueSize = queueSize;
    this.access = access;
    this.remote = remote;
    this.guard = guard;
  }

  /** Starts serving the socket; {@code onClosed} runs once it has closed. */
  void start(Runnable onClosed) {
    ws.setWriteQueueMaxSize(64 * 1024);
    ws.textMessageHandler(this::onMessage);
    ws.binaryMessageHandler(b -> {
      heard();
      error("send JSON text messages");
    });
    ws.pongHandler(b -> heard());
    ws.drainHandler(v -> flush());
    ws.closeHandler(v -> {
      closed = true;
      onClosed.run();
    });
    ws.exceptionHandler(e -> closed = true);
    if (!authenticated()) {
      vertx.setTimer(AUTH_TIMEOUT_MS, t -> {
        if (!authenticated()) {
          close((short) 1008, "authentication required");
        }
      });
    }
  }

  /** What admitted this client; {@link Access.Kind#PENDING} until its first message authenticates it. */
  Access access() {
    return access;
  }

  /** When the client last sent anything, a pong included ({@link System#nanoTime()}). */
  long lastHeardNanos() {
    return lastHeard;
  }

  void ping() {
    if (!closed) {
      ws.writePing(Buffer.buffer());
    }
  }

  boolean wants(String kind, String conversationId) {
    if (!authenticated() || closed || (!allKinds && !kinds.contains(kind))) {
      return false;
    }
    return conversation == null || conversation.equals(conversationId);
  }

  /** Sends a frame now, or queues it while the socket is backed up; drops it when the queue is full. */
  void offer(String frame) {
    if (closed) {
      return;
    }
    if (queue.isEmpty() && !ws.writeQueueFull()) {
      ws.writeTextMessage(frame);
      return;
    }
    if (queue.size() >= queueSize) {
      dropped++;
      return;
    }
    queue.add(frame);
  }

  Future<Void> close(short code, String reason) {
    if (closed) {
      return Future.succeededFuture();
    }
    closed = true;
    return ws.close(code, reason);
  }

  private void flush() {
    while (!queue.isEmpty() && !ws.writeQueueFull() && !closed) {
      ws.writeTextMessage(queue.poll());
    }
    if (dropped > 0 && !ws.writeQueueFull() && !closed) {
      send(new JsonObject().put("type", "dropped").put("count", dropped)
          .put("message", "the connection was too slow; " + dropped + " events were dropped"));
      dropped = 0;
    }
  }

  private boolean authenticated() {
    return access.kind() != Access.Kind.PENDING;
  }

  private void heard() {
    lastHeard = System.nanoTime();
  }

  private void onMessage(String text) {
    heard();
    JsonObject message;
    try {
      message = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      error("messages must be JSON objects");
      return;
    }
    String type = message.getValue("type") instanceof String t ? t : "";
    if (!authenticated()) {
      authenticate(type, message);
      return;
    }
    switch (type) {
      case "subscribe" -> subscribe(message);
      case "unsubscribe" -> unsubscribe(message);
      case "auth" -> send(new JsonObject().put("type", "authenticated"));
      default -> error("unknown message type '" + type + "'; use subscribe or unsubscribe");
    }
  }

  private void authenticate(String type, JsonObject message) {
    Object token = message.getValue("token");
    Optional<Access> admitted = guard.admitLate(access, "auth".equals(type) && token instanceof String t ? t : null,
        remote, "/api/events");
    if (admitted.isEmpty()) {
      close((short) 1008, "unauthorized");
      return;
    }
    access = admitted.get();
    send(new JsonObject().put("type", "authenticated"));
  }

  private void subscribe(JsonObject message) {
    Optional<Set<String>> requested = kindsOf(message);
    if (requested == null) {
      return;
    }
    Object conversationId = message.getValue("conversation_id");
    if (conversationId != null && !(conversationId instanceof String)) {
      error("'conversation_id' must be a string");
      return;
    }
    String problem = conversationId == null ? null : Ids.problem((String) conversationId, "'conversation_id'");
    if (problem != null) {
      error(problem);
      return;
    }
    if (requested.isEmpty()) {
      allKinds = true;
    } else {
      kinds.addAll(requested.get());
    }
    conversation = (String) conversationId;
    send(state("subscribed"));
  }

  private void unsubscribe(JsonObject message) {
    Optional<Set<String>> requested = kindsOf(message);
    if (requested == null) {
      return;
    }
    if (requested.isEmpty()) {
      allKinds = false;
      kinds.clear();
      conversation = null;
    } else {
      kinds.removeAll(requested.get());
    }
    send(state("unsubscribed"));
  }

  private JsonObject state(String type) {
    JsonObject state = new JsonObject().put("type", type).put("kinds", allKinds ? new JsonArray().add("*")
        : new JsonArray(kinds.stream().sorted().toList()));
    return conversation == null ? state : state.put("conversation_id", conversation);
  }

  /** The kinds named by a message: empty for "all", null (after an error reply) when malformed. */
  private Optional<Set<String>> kindsOf(JsonObject message) {
    Object value = message.getValue("kinds");
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof JsonArray array)) {
      error("'kinds' must be an array of event kinds");
      return null;
    }
    Set<String> names = new HashSet<>();
    for (Object kind : array) {
      if (!(kind instanceof String name)) {
        error("'kinds' must be an array of event kinds");
        return null;
      }
      names.add(name);
    }
    return names.isEmpty() || names.contains("*") ? Optional.empty() : Optional.of(names);
  }

  private void error(String text) {
    send(new JsonObject().put("type", "error").put("message", text));
  }

  private void send(JsonObject message) {
    offer(message.encode());
  }
}
