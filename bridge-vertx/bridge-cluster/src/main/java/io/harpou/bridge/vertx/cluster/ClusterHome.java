package io.harpou.bridge.vertx.cluster;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.home.Area;
import io.harpou.bridge.api.home.ConnectionState;
import io.harpou.bridge.api.home.Device;
import io.harpou.bridge.api.home.EntityEntry;
import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.home.Floor;
import io.harpou.bridge.api.home.HomeAssistantException;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.home.Registration;
import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.home.StateChange;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The home as a node of a cluster sees it, wherever the one Home Assistant connection runs: a mirror of the states
 * and registries, kept by the state changes the home node publishes and refreshed whenever a node's connection
 * comes up (the home role may have moved) or a registry changes in Home Assistant, and every request sent to the home
 * node on {@link BridgeAddresses#HOME_CALL}. A request that reached no home node fails {@code not_connected} (it did not run);
 * one that went unanswered fails {@code timeout} and is never sent again.
 */
public final class ClusterHome implements HomeGateway {

  private static final String HOME_COMPONENT = "home_assistant";

  private final Vertx vertx;
  private final DeliveryOptions delivery;
  private final Map<String, EntityState> states = new ConcurrentHashMap<>();
  private final List<Handler<StateChange>> handlers = new CopyOnWriteArrayList<>();
  private volatile Registry registry = new Registry(List.of(), List.of(), List.of(), List.of());
  private volatile ConnectionState connection = ConnectionState.CONNECTING;
  private volatile String detail = "waiting for the node that holds the Home Assistant connection";
  private volatile String url;
  private MessageConsumer<JsonObject> changes;
  private MessageConsumer<JsonObject> events;
  private MessageConsumer<JsonObject> registries;

  private record Registry(List<Floor> floors, List<Area> areas, List<Device> devices, List<EntityEntry> entities) {
  }

  private ClusterHome(Vertx vertx, ClusterOptions options) {
    this.vertx = vertx;
    this.delivery = new DeliveryOptions().setSendTimeout(options.getHomeTimeoutMs());
  }

  /**
   * Starts mirroring: follows state changes and the connection's events, then asks the home node for the whole home.
   * The Future succeeds even when no node holds the connection yet; the mirror fills when one does.
   */
  public static Future<ClusterHome> start(Vertx vertx, ClusterOptions options) {
    ClusterHome home = new ClusterHome(vertx, options);
    home.changes = vertx.eventBus().consumer(BridgeAddresses.HOME_STATE_CHANGED, m -> home.apply(m.body()));
    home.events = vertx.eventBus().consumer(BridgeAddresses.EVENTS, m -> home.follow(m.body()));
    // A renamed area or entity reaches this node when it happens, not only when the home connection comes back.
    home.registries = vertx.eventBus().consumer(BridgeAddresses.HOME_REGISTRY_CHANGED,
        m -> home.refresh().onFailure(e -> { }));
    return Future.all(home.changes.completion(), home.events.completion(), home.registries.completion())
        .compose(v -> home.refresh().otherwise(e -> null)).map(home);
  }

  /** Reads the whole home from the home node; fails when no node holds the connection. */
  public Future<Void> refresh() {
    return request(new JsonObject().put("op", "snapshot")).map(result -> {
      JsonObject snapshot = (JsonObject) result;
      Map<String, EntityState> fresh = new ConcurrentHashMap<>();
      list(snapshot, "states", EntityState::fromJson).forEach(s -> fresh.put(s.entityId(), s));
      states.keySet().retainAll(fresh.keySet());
      states.putAll(fresh);
      registry = new Registry(list(snapshot, "floors", Floor::fromJson), list(snapshot, "areas", Area::fromJson),
          list(snapshot, "devices", Device::fromJson), list(snapshot, "entities", EntityEntry::fromJson));
      url = snapshot.getString("url");
      setConnection(snapshot.getString("connection_state"), snapshot.getString("connection_detail"));
      return null;
    });
  }

  private void apply(JsonObject json) {
    StateChange change = StateChange.fromJson(json);
    if (change.newState() == null) {
      states.remove(change.entityId());
    } else {
      states.put(change.entityId(), change.newState());
    }
    handlers.forEach(h -> h.handle(change));
  }

  private void follow(JsonObject event) {
    if (HomeLease.COMPONENT.equals(event.getString("component")) && "held".equals(event.getString("state"))) {
      // A node took the home role and serves requests now: what it sees is the truth.
      refresh().onFailure(e -> { });
      return;
    }
    if (!HOME_COMPONENT.equals(event.getString("component"))) {
      return;
    }
    setConnection(event.getString("state"), event.getString("detail"));
    if (connection == ConnectionState.CONNECTED) {
      // The home node's link came back after a drop: states may have changed meanwhile.
      refresh().onFailure(e -> { });
    }
  }

  private void setConnection(String state, String why) {
    for (ConnectionState candidate : ConnectionState.values()) {
      if (candidate.jsonName().equals(state)) {
        connection = candidate;
        detail = why == null ? candidate.jsonName() : why;
      }
    }
  }

  private static <T> List<T> list(JsonObject json, String key, Function<JsonObject, T> read) {
    JsonArray array = json.getJsonArray(key, new JsonArray());
    return array.stream().map(item -> read.apply((JsonObject) item)).toList();
  }

  private Future<Object> request(JsonObject body) {
    return vertx.eventBus().<JsonObject>request(BridgeAddresses.HOME_CALL, body, delivery).transform(ar -> {
      if (ar.failed()) {
        return Future.failedFuture(unanswered(ar.cause()));
      }
      JsonObject reply = ar.result().body();
      JsonObject error = reply.getJsonObject("error");
      return error == null ? Future.succeededFuture(reply.getValue("result"))
          : Future.failedFuture(new HomeAssistantException(error.getString("code"), error.getString("message")));
    });
  }

  private static HomeAssistantException unanswered(Throwable failure) {
    if (failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS) {
      return new HomeAssistantException(HomeAssistantException.NOT_CONNECTED,
          "no node of the cluster holds the Home Assistant connection just now");
    }
    return new HomeAssistantException(HomeAssistantException.TIMEOUT,
        "the node holding the Home Assistant connection did not answer (" + failure.getMessage().toLowerCase(Locale.ROOT)
            + "); whether Home Assistant ran the request is unknown");
  }

  /** Stops mirroring. */
  public Future<Void> close() {
    connection = ConnectionState.CLOSED;
    return Future.all(changes.unregister(), events.unregister(), registries.unregister()).mapEmpty();
  }

  @Override
  public ConnectionState connectionState() {
    return connection;
  }

  @Override
  public String connectionDetail() {
    return detail;
  }

  @Override
  public String url() {
    return url;
  }

  @Override
  public Collection<EntityState> states() {
    return List.copyOf(states.values());
  }

  @Override
  public Optional<EntityState> state(String entityId) {
    return Optional.ofNullable(states.get(entityId));
  }

  @Override
  public Future<Optional<EntityState>> fetchState(String entityId) {
    return request(new JsonObject().put("op", "fetch_state").put("entity_id", entityId))
        .map(json -> Optional.ofNullable(json).map(j -> EntityState.fromJson((JsonObject) j)));
  }

  @Override
  public List<Floor> floors() {
    return registry.floors();
  }

  @Override
  public List<Area> areas() {
    return registry.areas();
  }

  @Override
  public List<Device> devices() {
    return registry.devices();
  }

  @Override
  public List<EntityEntry> entities() {
    return registry.entities();
  }

  @Override
  public Optional<Area> areaOf(String entityId) {
    Registry now = registry;
    Optional<EntityEntry> entry = now.entities().stream().filter(e -> e.entityId().equals(entityId)).findFirst();
    String areaId = entry.map(EntityEntry::areaId).orElse(null);
    if (areaId == null) {
      String deviceId = entry.map(EntityEntry::deviceId).orElse(null);
      areaId = now.devices().stream().filter(d -> d.deviceId().equals(deviceId)).map(Device::areaId)
          .filter(a -> a != null).findFirst().orElse(null);
    }
    String wanted = areaId;
    return now.areas().stream().filter(a -> a.areaId().equals(wanted)).findFirst();
  }

  @Override
  public Future<JsonObject> callService(ServiceCall call) {
    return request(new JsonObject().put("op", "call_service").put("call", call.toJson())).map(r -> (JsonObject) r);
  }

  @Override
  public Future<JsonObject> searchRelated(String itemType, String itemId) {
    return request(new JsonObject().put("op", "search_related").put("item_type", itemType).put("item_id", itemId))
        .map(r -> (JsonObject) r);
  }

  @Override
  public Future<Void> fireEvent(String eventType, JsonObject data) {
    return request(new JsonObject().put("op", "fire_event").put("event_type", eventType).put("data", data))
        .mapEmpty();
  }

  @Override
  public Future<String> renderTemplate(String template) {
    return request(new JsonObject().put("op", "render_template").put("template", template)).map(r -> (String) r);
  }

  @Override
  public Future<JsonObject> processConversation(String text, String language, String conversationId) {
    return request(new JsonObject().put("op", "process_conversation").put("text", text).put("language", language)
        .put("conversation_id", conversationId)).map(r -> (JsonObject) r);
  }

  @Override
  public Registration onStateChange(Handler<StateChange> handler) {
    handlers.add(handler);
    return () -> handlers.remove(handler);
  }
}
