package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.BridgeAddresses;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code GET /api/events}: a WebSocket that streams {@link io.harpou.bridge.api.event.BridgeEvent}s and home state
 * changes (kind {@code home_state}) to clients, each receiving the kinds (and optionally the one conversation) it
 * subscribed to. Each event is encoded once for all clients; a slow client gets a bounded queue, then drops.
 */
public final class EventHub {

  /** The kind given to Home Assistant state changes on the socket. */
  public static final String HOME_STATE_KIND = "home_state";

  private final Vertx vertx;
  private final AccessGuard guard;
  private final int queueSize;
  private final Set<EventClient> clients = new LinkedHashSet<>();
  private MessageConsumer<JsonObject> events;
  private MessageConsumer<JsonObject> states;

  /** A hub on {@code vertx}'s event bus; late authentication goes through {@code guard}. */
  public EventHub(Vertx vertx, AccessGuard guard, int queueSize) {
    this.vertx = vertx;
    this.guard = guard;
    this.queueSize = queueSize;
  }

  /** Adds the route and starts following the bus; call on the serving verticle's context. */
  public void mount(Router router) {
    router.get("/api/events").handler(this::upgrade);
    events = vertx.eventBus().localConsumer(BridgeAddresses.EVENTS, m -> dispatch(m.body()));
    states = vertx.eventBus().localConsumer(BridgeAddresses.HOME_STATE_CHANGED, m -> {
      JsonObject event = new JsonObject().put("kind", HOME_STATE_KIND).put("time", Instant.now().toString())
          .mergeIn(m.body());
      dispatch(event);
    });
  }

  /** Stops following the bus and closes every client. */
  public void close() {
    if (events != null) {
      events.unregister();
      states.unregister();
    }
    for (EventClient client : Set.copyOf(clients)) {
      client.close((short) 1001, "server stopping");
    }
    clients.clear();
  }

  /** Number of connected clients. */
  public int size() {
    return clients.size();
  }

  private void upgrade(RoutingContext ctx) {
    if (!"websocket".equalsIgnoreCase(ctx.request().getHeader("upgrade"))) {
      throw new ApiError(400, "websocket_required", "/api/events is a WebSocket endpoint");
    }
    boolean pending = Boolean.TRUE.equals(ctx.get(AccessGuard.AUTH_PENDING));
    String remote = ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress();
    ctx.request().toWebSocket().onSuccess(ws -> {
      EventClient client = new EventClient(vertx, ws, queueSize, pending, remote, guard);
      clients.add(client);
      ws.closeHandler(v -> clients.remove(client));
      client.start();
    }).onFailure(ctx::fail);
  }

  private void dispatch(JsonObject event) {
    if (clients.isEmpty()) {
      return;
    }
    String kind = event.getString("kind");
    String conversation = event.getString("conversation_id");
    String frame = null;
    for (EventClient client : clients) {
      if (client.wants(kind, conversation)) {
        if (frame == null) {
          frame = new JsonObject().put("type", "event").put("event", event).encode();
        }
        client.offer(frame);
      }
    }
  }
}
