package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.event.SatelliteStateChanged;
import io.harpou.bridge.api.BridgeAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/satellites}: every satellite seen since start with its room, latest state and since when, kept from
 * the {@code satellite_state} events the voice sessions publish.
 */
public final class SatellitesHandler {

  private final Vertx vertx;
  private final Map<String, JsonObject> latest = new TreeMap<>();
  private MessageConsumer<JsonObject> consumer;

  /** A handler following satellite events on {@code vertx}'s bus. */
  public SatellitesHandler(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Adds the route and starts following the bus; call on the serving verticle's context. */
  public void mount(Router router) {
    consumer = vertx.eventBus().localConsumer(BridgeAddresses.EVENTS, message -> {
      JsonObject event = message.body();
      if (SatelliteStateChanged.KIND.equals(event.getString("kind")) && event.getString("satellite") != null) {
        JsonObject entry = new JsonObject().put("id", event.getString("satellite"))
            .put("state", event.getString("state")).put("since", event.getString("time"));
        JsonObject previous = latest.get(event.getString("satellite"));
        String room = event.getString("room", previous == null ? null : previous.getString("room"));
        if (room != null) {
          entry.put("room", room);
        }
        if (event.getString("conversation_id") != null) {
          entry.put("conversation_id", event.getString("conversation_id"));
        }
        latest.put(event.getString("satellite"), entry);
      }
    });
    router.get("/api/satellites").handler(this::list);
  }

  /** Stops following the bus; the Future completes once unregistered. */
  public Future<Void> close() {
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  private void list(RoutingContext ctx) {
    JsonArray array = new JsonArray();
    latest.values().forEach(entry -> array.add(entry.copy()));
    Requests.json(ctx, new JsonObject().put("satellites", array));
  }
}
