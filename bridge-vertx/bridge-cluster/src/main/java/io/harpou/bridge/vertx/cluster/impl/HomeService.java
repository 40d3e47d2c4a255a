package io.harpou.bridge.vertx.cluster.impl;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.home.Area;
import io.harpou.bridge.api.home.Device;
import io.harpou.bridge.api.home.EntityEntry;
import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.home.Floor;
import io.harpou.bridge.api.home.HomeAssistantException;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.home.ServiceCall;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.function.Function;

/**
 * Serves {@link BridgeAddresses#HOME_CALL} from the node that holds the Home Assistant connection: every request runs
 * once on the gateway, and its failure travels back with Home Assistant's code, so the caller knows whether it ran.
 */
public final class HomeService {

  private final HomeGateway home;
  private MessageConsumer<JsonObject> consumer;

  /** A service over {@code home}. */
  public HomeService(HomeGateway home) {
    this.home = home;
  }

  /** Starts answering; the Future completes once the whole cluster knows this node serves. */
  public Future<Void> start(Vertx vertx) {
    consumer = vertx.eventBus().consumer(BridgeAddresses.HOME_CALL, this::serve);
    return consumer.completion();
  }

  /** Stops answering. */
  public Future<Void> stop() {
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  private void serve(Message<JsonObject> message) {
    JsonObject request = message.body();
    Future<Object> result;
    try {
      result = run(request == null ? new JsonObject() : request);
    } catch (RuntimeException e) {
      result = Future.failedFuture(new HomeAssistantException("invalid_format", "bad home request: " + e.getMessage()));
    }
    result.onComplete(done -> message.reply(done.succeeded() ? new JsonObject().put("result", done.result())
        : new JsonObject().put("error", error(done.cause()))));
  }

  private Future<Object> run(JsonObject request) {
    String op = String.valueOf(request.getString("op"));
    return switch (op) {
      case "snapshot" -> Future.succeededFuture(snapshot(home));
      case "call_service" -> home.callService(ServiceCall.fromJson(request.getJsonObject("call"))).map(r -> r);
      case "fetch_state" -> home.fetchState(request.getString("entity_id"))
          .map(state -> state.<Object>map(EntityState::toJson).orElse(null));
      case "search_related" -> home.searchRelated(request.getString("item_type"), request.getString("item_id"))
          .map(r -> r);
      case "fire_event" -> home.fireEvent(request.getString("event_type"), request.getJsonObject("data"))
          .map(v -> null);
      case "render_template" -> home.renderTemplate(request.getString("template")).map(r -> r);
      case "process_conversation" -> home.processConversation(request.getString("text"),
          request.getString("language"), request.getString("conversation_id")).map(r -> r);
      default -> Future.failedFuture(new HomeAssistantException("invalid_format", "unknown home request " + op));
    };
  }

  /** What a node needs to mirror the home: the link's state, every state and the registries. */
  static JsonObject snapshot(HomeGateway home) {
    JsonObject snapshot = new JsonObject().put("connection_state", home.connectionState().jsonName())
        .put("connection_detail", home.connectionDetail())
        .put("states", array(home.states(), EntityState::toJson))
        .put("floors", array(home.floors(), Floor::toJson))
        .put("areas", array(home.areas(), Area::toJson))
        .put("devices", array(home.devices(), Device::toJson))
        .put("entities", array(home.entities(), EntityEntry::toJson));
    if (home.url() != null) {
      snapshot.put("url", home.url());
    }
    return snapshot;
  }

  private static <T> JsonArray array(Collection<T> items, Function<T, JsonObject> json) {
    JsonArray array = new JsonArray();
    items.forEach(item -> array.add(json.apply(item)));
    return array;
  }

  private static JsonObject error(Throwable failure) {
    String code = failure instanceof HomeAssistantException h ? h.code() : HomeAssistantException.CONNECTION_LOST;
    return new JsonObject().put("code", code).put("message", String.valueOf(failure.getMessage()));
  }
}
