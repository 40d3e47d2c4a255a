package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The states and the event bus of the virtual home. Every method locks this object, and listeners run under that
 * lock, so a listener registered together with a snapshot never misses or duplicates a change.
 */
final class StateMachine {

  private static final int MAX_STATE_LENGTH = 255;

  private final Map<String, EntityState> states = new LinkedHashMap<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  /** A bus subscription; {@code eventType} "*" matches everything except {@code state_reported}. */
  record Listener(String eventType, Consumer<HaEvent> consumer) {
  }

  synchronized EntityState get(String entityId) {
    return states.get(entityId);
  }

  synchronized List<EntityState> all() {
    return new ArrayList<>(states.values());
  }

  synchronized boolean contains(String entityId) {
    return states.containsKey(entityId);
  }

  /**
   * Writes a state as {@code StateMachine.async_set} does: unchanged state and attributes only bump
   * {@code last_reported} (and fire {@code state_reported}) unless forced.
   *
   * @return the stored state
   */
  synchronized EntityState set(String entityId, String state, JsonObject attributes, HaContext context,
                               boolean force) {
    Objects.requireNonNull(state, "state");
    if (state.length() > MAX_STATE_LENGTH) {
      throw new IllegalArgumentException("Invalid state specified.");
    }
    JsonObject attrs = attributes == null ? new JsonObject() : attributes;
    long now = Ids.nowMicros();
    EntityState old = states.get(entityId);
    if (old != null && old.state().equals(state) && old.attributes().equals(attrs) && !force) {
      EntityState reported = new EntityState(entityId, state, attrs, old.lastChanged(), now, old.lastUpdated(),
          old.context());
      states.put(entityId, reported);
      fire(new HaEvent(HaEvent.STATE_REPORTED, new JsonObject().put("entity_id", entityId)
          .put("old_last_reported", Ids.iso(old.lastReported())).put("new_state", reported.toJson()),
          "LOCAL", now, context, old, reported));
      return reported;
    }
    long lastChanged = old == null || !old.state().equals(state) ? now : old.lastChanged();
    EntityState created = new EntityState(entityId, state, attrs, lastChanged, now, now, context);
    states.put(entityId, created);
    fireStateChanged(entityId, old, created, context, now);
    return created;
  }

  synchronized boolean remove(String entityId, HaContext context) {
    EntityState old = states.remove(entityId);
    if (old == null) {
      return false;
    }
    fireStateChanged(entityId, old, null, context, Ids.nowMicros());
    return true;
  }

  /** Loads a state without firing anything (house loading). */
  synchronized void load(EntityState state) {
    states.put(state.entityId(), state);
  }

  synchronized void fire(String eventType, JsonObject data, String origin, HaContext context) {
    fire(new HaEvent(eventType, data == null ? new JsonObject() : data, origin, Ids.nowMicros(), context, null,
        null));
  }

  /** Registers a listener and runs {@code whileLocked} (a snapshot) before any further event can be delivered. */
  synchronized Runnable listen(String eventType, Consumer<HaEvent> consumer, Runnable whileLocked) {
    Listener listener = new Listener(eventType, consumer);
    listeners.add(listener);
    if (whileLocked != null) {
      whileLocked.run();
    }
    return () -> listeners.remove(listener);
  }

  private void fireStateChanged(String entityId, EntityState old, EntityState created, HaContext context,
                                long now) {
    JsonObject data = new JsonObject().put("entity_id", entityId)
        .put("old_state", old == null ? null : old.toJson())
        .put("new_state", created == null ? null : created.toJson());
    fire(new HaEvent(HaEvent.STATE_CHANGED, data, "LOCAL", now, context, old, created));
  }

  private void fire(HaEvent event) {
    for (Listener listener : listeners) {
      boolean matches = listener.eventType().equals(event.eventType())
          || ("*".equals(listener.eventType()) && !HaEvent.STATE_REPORTED.equals(event.eventType()));
      if (matches) {
        listener.consumer().accept(event);
      }
    }
  }
}
