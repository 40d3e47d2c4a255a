package io.harpou.testkit.ha;

import io.harpou.testkit.ha.impl.VirtualHomeAssistantImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.List;

/**
 * A virtual Home Assistant serving the real WebSocket API ({@code /api/websocket}) and REST API ({@code /api/})
 * over a demo or generated house, for tests and for the hub's embedded default home.
 *
 * <p>Use it like a mock web server: create, {@link #start()}, point a client at {@link #url()} with
 * {@link #accessToken()}, act, then read {@link #state} or {@link #takeCall} and assert. State accessors are
 * thread-safe and may be called from any thread; changes made through them reach subscribed clients as
 * {@code state_changed} events and {@code subscribe_entities} diffs, exactly as Home Assistant would send them.
 */
public interface VirtualHomeAssistant {

  /**
   * Creates a virtual home; nothing listens until {@link #start()}.
   *
   * @param vertx   the Vert.x instance to run on
   * @param options where to listen, the token, the house
   * @return the virtual home
   * @throws IllegalArgumentException if the house JSON is malformed
   */
  static VirtualHomeAssistant create(Vertx vertx, VirtualHomeOptions options) {
    return new VirtualHomeAssistantImpl(vertx, options);
  }

  /**
   * Starts listening.
   *
   * @return a Future completed with this virtual home once it listens, failed if the port cannot be bound
   */
  Future<VirtualHomeAssistant> start();

  /** @return the port actually bound, or -1 before {@link #start()} completed */
  int actualPort();

  /** @return the base URL, e.g. {@code http://127.0.0.1:41234} */
  String url();

  /** @return the WebSocket URL, e.g. {@code ws://127.0.0.1:41234/api/websocket} */
  String webSocketUrl();

  /** @return the access token clients must present */
  String accessToken();

  /**
   * Stops listening and closes every connection.
   *
   * @return a Future completed once closed
   */
  Future<Void> close();

  /**
   * Returns an entity's current state as Home Assistant serialises it (entity_id, state, attributes, last_changed,
   * last_reported, last_updated, context).
   *
   * @param entityId the entity id
   * @return a copy of the state object, or null if there is no such entity
   */
  JsonObject state(String entityId);

  /** @return the ids of all entities with a state, in house order */
  List<String> entityIds();

  /**
   * Writes a state, keeping the current attributes, as an integration would; fires {@code state_changed} if the
   * state string changed.
   *
   * @param entityId the entity id (created if new)
   * @param state    the new state string
   */
  void setState(String entityId, String state);

  /**
   * Writes a state and replaces its attributes; fires {@code state_changed} if anything changed.
   *
   * @param entityId   the entity id (created if new)
   * @param state      the new state string
   * @param attributes the new attributes
   */
  void setState(String entityId, String state, JsonObject attributes);

  /**
   * Puts a state the entity had in the past into the recorder's history (what {@code history/history_during_period}
   * answers), as if Home Assistant had recorded it then; the current state is left alone.
   *
   * @param entityId   the entity id
   * @param when       when it took that state
   * @param state      the state string
   * @param attributes its attributes
   */
  void recordPast(String entityId, java.time.Instant when, String state, JsonObject attributes);

  /**
   * Removes an entity's state (subscribers see {@code new_state: null} and an {@code r} entry).
   *
   * @param entityId the entity id
   * @return true if it existed
   */
  boolean removeState(String entityId);

  /**
   * Renames an area, as a person does in Home Assistant's settings: the area registry changes and
   * {@code area_registry_updated} is fired (action {@code update}) to subscribers.
   *
   * @param areaId the area's id
   * @param name   its new name
   * @throws IllegalArgumentException when there is no such area
   */
  void renameArea(String areaId, String name);

  /**
   * Fires an event on the virtual home's bus, as an integration would.
   *
   * @param eventType the event type
   * @param data      the event data, or null for {@code {}}
   */
  void fireEvent(String eventType, JsonObject data);

  /**
   * Jams a lock: its state becomes {@code jammed} and lock/unlock calls fail until its state is set again.
   *
   * @param entityId a lock entity id
   * @throws IllegalArgumentException if there is no such lock
   */
  void jamLock(String entityId);

  /** @return the service calls executed so far (the most recent 10,000), oldest first */
  List<RecordedServiceCall> calls();

  /**
   * Takes the oldest service call not yet taken, waiting for one if needed (blocks: call from a test thread only).
   *
   * @param timeout how long to wait
   * @return the call
   * @throws IllegalStateException if no call arrives in time
   */
  RecordedServiceCall takeCall(Duration timeout);

  /** @return the persistent notifications created so far (each {@code notification_id, title, message}) */
  List<JsonObject> notifications();

  /** @return the number of open WebSocket connections (authenticated or not) */
  int connectionCount();

  /** @return the fault injector of this virtual home */
  Faults faults();
}
