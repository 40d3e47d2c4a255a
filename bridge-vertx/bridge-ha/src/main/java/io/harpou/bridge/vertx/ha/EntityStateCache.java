package io.harpou.bridge.vertx.ha;

import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.home.StateChange;
import io.harpou.bridge.vertx.ha.impl.EntityStateCacheImpl;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The live copy of Home Assistant's states, fed by the compressed {@code subscribe_entities} stream ({@code a} adds,
 * {@code c} diffs with {@code +}/{@code -}, {@code r} removals) or by full state objects. Writes come from one thread
 * (the client's context); reads are safe from any thread and see whole states, never half-applied diffs. States
 * handed out are shared: treat their attributes as read-only.
 */
public interface EntityStateCache {

  /** An empty cache. */
  static EntityStateCache create() {
    return new EntityStateCacheImpl();
  }

  /** One entity's state. */
  Optional<EntityState> get(String entityId);

  /** Every entity's state. */
  Collection<EntityState> states();

  /** The number of entities. */
  int size();

  /**
   * Applies one {@code subscribe_entities} event and passes each resulting change to {@code changes}, in order.
   * A diff for an entity the cache does not hold is ignored (it cannot be applied consistently).
   *
   * @throws IllegalArgumentException when the event is malformed (the cache is left as it was for that entity)
   */
  void apply(JsonObject event, Consumer<StateChange> changes);

  /**
   * Replaces the whole cache with the first ({@code a}) event of a fresh subscription: entities that vanished are
   * removed, and every difference from what the cache held is passed to {@code changes}.
   */
  void replaceAll(JsonObject initialEvent, Consumer<StateChange> changes);

  /**
   * Replaces the whole cache with full state objects (from {@code get_states} or REST {@code GET /api/states}),
   * passing every difference to {@code changes}.
   */
  void replaceAllFull(JsonArray states, Consumer<StateChange> changes);
}
