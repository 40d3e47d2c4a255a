package io.harpou.bridge.vertx.ha.impl;

import io.harpou.bridge.api.home.Registration;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Home Assistant events someone listens to, by type: subscribed on each connection as it comes up (events of a
 * connection that dropped are simply not seen). Used on the client's context only.
 */
final class EventSubscriptions {

  private static final Logger LOG = LoggerFactory.getLogger(EventSubscriptions.class);

  private final Map<String, List<Handler<JsonObject>>> handlers = new LinkedHashMap<>();
  private final long timeoutMs;

  EventSubscriptions(long timeoutMs) {
    this.timeoutMs = timeoutMs;
  }

  /** Adds a handler; subscribes on {@code live} at once when this is the type's first and a connection is up. */
  Registration add(String eventType, Handler<JsonObject> handler, HaConnection live) {
    List<Handler<JsonObject>> list = handlers.computeIfAbsent(eventType, t -> new ArrayList<>());
    list.add(handler);
    if (list.size() == 1 && live != null) {
      subscribe(live, eventType);
    }
    return () -> list.remove(handler);
  }

  /** Subscribes every listened type on a new connection. */
  void subscribeAll(HaConnection connection) {
    handlers.keySet().forEach(type -> subscribe(connection, type));
  }

  private void subscribe(HaConnection connection, String eventType) {
    connection.subscribe(new JsonObject().put("type", "subscribe_events").put("event_type", eventType), timeoutMs,
            event -> List.copyOf(handlers.getOrDefault(eventType, List.of())).forEach(h -> h.handle(event)))
        .onFailure(e -> LOG.warn("Could not subscribe to Home Assistant's {} events: {}", eventType,
            e.getMessage()));
  }
}
