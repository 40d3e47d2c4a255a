package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.event.PlanUpdated;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code GET /api/events}: a WebSocket that streams {@link io.harpou.bridge.api.event.BridgeEvent}s and home state
 * changes (kind {@code home_state}), published on this node or any other of its cluster, to clients, each receiving
 * the kinds (and optionally the one conversation) it subscribed to; a client admitted by an API key receives only the
 * plans asked for under that key. Each event is encoded once for all clients; a slow client gets a bounded queue, then
 * drops. Each client is pinged at half the idle timeout and closed when it has sent nothing (not even a pong) for the
 * whole timeout, and closed at once when what admitted it no longer would (its key revoked, a first key created).
 */
public final class EventHub {

  /** The kind given to Home Assistant state changes on the socket. */
  public static final String HOME_STATE_KIND = "home_state";

  private final Vertx vertx;
  private final AccessGuard guard;
  private final ConnectionLimits connections;
  private final int queueSize;
  private final long idleTimeoutMs;
  private final Set<EventClient> clients = new LinkedHashSet<>();
  private MessageConsumer<JsonObject> events;
  private MessageConsumer<JsonObject> states;
  private long pingTimer = -1;

  /**
   * A hub on {@code vertx}'s event bus; access is judged by {@code guard}; each socket is counted out of
   * {@code connections} when it closes; a client silent for {@code idleTimeoutMs} is closed.
   */
  public EventHub(Vertx vertx, AccessGuard guard, ConnectionLimits connections, int queueSize, long idleTimeoutMs) {
    this.vertx = vertx;
    this.guard = guard;
    this.connections = connections;
    this.queueSize = queueSize;
    this.idleTimeoutMs = idleTimeoutMs;
  }

  /** Adds the route and starts following the bus; call on the serving verticle's context. */
  public void mount(Router router) {
    router.get("/api/events").handler(this::upgrade);
    // Consumers the whole cluster knows of: a local-only one never hears what other nodes publish, and on an API node
    // the home's state changes and the agent's events are all published elsewhere.
    events = vertx.eventBus().consumer(BridgeAddresses.EVENTS, m -> dispatch(m.body()));
    states = vertx.eventBus().consumer(BridgeAddresses.HOME_STATE_CHANGED, m -> {
      JsonObject event = new JsonObject().put("kind", HOME_STATE_KIND).put("time", Instant.now().toString())
          .mergeIn(m.body());
      dispatch(event);
    });
    pingTimer = vertx.setPeriodic(Math.max(1, idleTimeoutMs / 2), id -> pingOrClose());
  }

  /** Closes every client that what admitted it would no longer admit; call after the keys change. */
  public void revalidate() {
    for (EventClient client : Set.copyOf(clients)) {
      if (!guard.stillAdmits(client.access())) {
        client.close((short) 1008, "access revoked");
      }
    }
  }

  /** Stops following the bus and closes every client; the Future completes once all of that is done. */
  public Future<Void> close() {
    vertx.cancelTimer(pingTimer);
    List<Future<Void>> closing = new ArrayList<>();
    if (events != null) {
      closing.add(events.unregister());
      closing.add(states.unregister());
    }
    for (EventClient client : Set.copyOf(clients)) {
      closing.add(client.close((short) 1001, "server stopping"));
    }
    clients.clear();
    return Future.join(closing).mapEmpty();
  }

  /** Number of connected clients. */
  public int size() {
    return clients.size();
  }

  private void upgrade(RoutingContext ctx) {
    if (!"websocket".equalsIgnoreCase(ctx.request().getHeader("upgrade"))) {
      throw new ApiError(400, "websocket_required", "/api/events is a WebSocket endpoint");
    }
    Access access = ctx.get(AccessGuard.ACCESS);
    String remote = AccessGuard.remote(ctx.request());
    HttpConnection connection = ctx.request().connection();
    ctx.request().toWebSocket().onSuccess(ws -> {
      EventClient client = new EventClient(vertx, ws, queueSize, access, remote, guard);
      clients.add(client);
      client.start(() -> {
        clients.remove(client);
        // An upgraded connection no longer reports its own close.
        connections.closed(connection);
      });
    }).onFailure(e -> ctx.fail(ApiError.invalid("not a valid WebSocket handshake: " + e.getMessage())));
  }

  private void pingOrClose() {
    long now = System.nanoTime();
    for (EventClient client : Set.copyOf(clients)) {
      if (now - client.lastHeardNanos() > idleTimeoutMs * 1_000_000) {
        client.close((short) 1001, "idle");
      } else {
        client.ping();
      }
    }
  }

  /**
   * A key reads only the plans asked for under its own name, as on {@code /api/plans}; the console and programs on
   * this machine read every plan.
   */
  private static boolean mayRead(Access access, String kind, String owner) {
    return !PlanUpdated.KIND.equals(kind) || access.kind() != Access.Kind.KEY
        || Objects.equals(access.keyName(), owner);
  }

  private void dispatch(JsonObject event) {
    if (clients.isEmpty()) {
      return;
    }
    String kind = event.getString("kind");
    String conversation = event.getString("conversation_id");
    String owner = PlanUpdated.KIND.equals(kind) ? event.getString("user") : null;
    String frame = null;
    for (EventClient client : clients) {
      if (client.wants(kind, conversation) && mayRead(client.access(), kind, owner)) {
        if (frame == null) {
          frame = new JsonObject().put("type", "event").put("event", event).encode();
        }
        client.offer(frame);
      }
    }
  }
}
