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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code GET /api/satellites}: every satellite voice knows (the configured ones, reachable or not, and those that
 * dialed in, whenever they connected), with its room, latest state and, once seen in a {@code satellite_state}
 * event, since when. Without voice, the satellites seen in events since this API started.
 */
public final class SatellitesHandler {

  private final Vertx vertx;
  private final Supplier<List<JsonObject>> known;
  private final Map<String, JsonObject> latest = new TreeMap<>();
  private MessageConsumer<JsonObject> consumer;

  /** A handler following satellite events on {@code vertx}'s bus, and listing {@code known}. */
  public SatellitesHandler(Vertx vertx, Supplier<List<JsonObject>> known) {
    this.vertx = vertx;
    this.known = known;
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
    Map<String, JsonObject> all = new TreeMap<>();
    latest.forEach((id, entry) -> all.put(id, entry.copy()));
    for (JsonObject satellite : known.get()) {
      JsonObject seen = latest.get(satellite.getString("id"));
      all.put(satellite.getString("id"), seen == null ? satellite.copy() : satellite.copy().mergeIn(seen));
    }
    JsonArray array = new JsonArray();
    all.values().forEach(array::add);
    Requests.json(ctx, new JsonObject().put("satellites", array));
  }
}
