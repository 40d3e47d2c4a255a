package io.harpou.bridge.api.home;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The home: live states from an always-consistent cache, the joined registries, and actions. Reads of the cache are
 * synchronous and cheap; everything that talks to Home Assistant returns a Future that fails with
 * {@link HomeAssistantException}. Callbacks run on the gateway's Vert.x context.
 */
public interface HomeGateway {

  /** The link's current state. */
  ConnectionState connectionState();

  /** A short explanation of the link's state for people (why it is down, when it retries); never a secret. */
  default String connectionDetail() {
    return connectionState().jsonName();
  }

  /** Where Home Assistant is (its base URL), for messages to people; null when there is no such address. */
  default String url() {
    return null;
  }

  /** Every entity's current state. */
  Collection<EntityState> states();

  /** One entity's current state. */
  Optional<EntityState> state(String entityId);

  /**
   * Reads one entity's state from Home Assistant itself rather than from the cache, to learn what is true after a
   * call whose answer was lost. The Future fails with {@link HomeAssistantException} when Home Assistant cannot be
   * asked; it holds an empty Optional when there is no such entity.
   */
  default Future<Optional<EntityState>> fetchState(String entityId) {
    return Future.succeededFuture(state(entityId));
  }

  /** Floors, from the floor registry. */
  List<Floor> floors();

  /** Areas, from the area registry. */
  List<Area> areas();

  /** Devices, from the device registry. */
  List<Device> devices();

  /** Entity registry entries. */
  List<EntityEntry> entities();

  /** The area an entity is in: its own, else its device's. */
  Optional<Area> areaOf(String entityId);

  /**
   * Calls a service. The Future succeeds with HA's result object ({@code context}, and {@code response} when asked
   * for); it fails with {@link HomeAssistantException} carrying HA's code ({@code not_found} for an unknown entity
   * or service, {@code invalid_format} for bad data) or one of Harpou's. A call that may have reached Home Assistant
   * ({@link HomeAssistantException.Outcome#UNKNOWN}) is never sent again, on any transport.
   */
  Future<JsonObject> callService(ServiceCall call);

  /**
   * What Home Assistant's {@code search/related} finds for an item: for a script, scene or automation
   * ({@code itemType} {@code script}, {@code scene} or {@code automation}, {@code itemId} its entity id), the entities
   * it refers to (nested scripts and scenes unwrapped), with the devices, areas and floors found on the way. The
   * result maps each kind ({@code entity}, {@code device}, {@code area}, {@code floor}, {@code script}, ...) to a list
   * of ids; kinds with nothing are absent. Fails with {@link HomeAssistantException} like the other commands.
   */
  Future<JsonObject> searchRelated(String itemType, String itemId);

  /**
   * The states entities took over a period, from Home Assistant's recorder ({@code history/history_during_period}):
   * each entity id mapped to its states, oldest first, in the compressed form ({@code s} the state, {@code lu} the
   * time in seconds), the state at {@code start} included; entities with nothing recorded are absent. A gateway
   * without a recorder fails with {@link UnsupportedOperationException} (the default).
   */
  default Future<JsonObject> history(java.util.List<String> entityIds, java.time.Instant start,
                                     java.time.Instant end) {
    return Future.failedFuture(new UnsupportedOperationException("this home keeps no history"));
  }

  /** Fires an event on HA's bus. */
  Future<Void> fireEvent(String eventType, JsonObject data);

  /** Renders a Jinja template in HA and returns the text. */
  Future<String> renderTemplate(String template);

  /** Passes text to HA's own conversation agent and returns its response object. */
  Future<JsonObject> processConversation(String text, String language, String conversationId);

  /**
   * A still image from a camera, through Home Assistant's {@code camera_proxy}. Fails with
   * {@link HomeAssistantException}: {@code not_found} for no such camera, {@code too_large} for an image over the
   * gateway's limit (read no further), and the link's codes when Home Assistant cannot be asked. A gateway without
   * such a door fails {@code not_supported}.
   */
  default Future<CameraImage> cameraImage(String entityId) {
    return Future.failedFuture(new HomeAssistantException("not_supported", "this home cannot fetch camera images"));
  }

  /** Calls {@code handler} for every state change until the registration is cancelled. */
  Registration onStateChange(Handler<StateChange> handler);

  /**
   * Calls {@code handler} with every event of {@code eventType} on Home Assistant's bus (the event object:
   * {@code event_type}, {@code data}, {@code context}) until the registration is cancelled, subscribing again after
   * each reconnection. A gateway that cannot subscribe to events never calls it.
   */
  default Registration onEvent(String eventType, Handler<JsonObject> handler) {
    return () -> { };
  }

  /**
   * Entities the household hid from the assistant in its settings, as the view made for one turn or tool call knows
   * them; what is built over the home for the assistant (the name index the intent matcher and the tools share) leaves
   * them out, so the assistant can neither name nor list them. The hub's gateway itself hides nothing.
   */
  default Set<String> hiddenFromAssistant() {
    return Set.of();
  }

  /**
   * The gateway this one stands for. A view that wraps the hub's gateway for one tool call (the policy's, which holds
   * back protected service calls) answers the gateway it wraps, so what is built over the home (a name index) is
   * built once and shared by every call; acting still goes through the view the tool was given.
   */
  default HomeGateway origin() {
    return this;
  }
}
