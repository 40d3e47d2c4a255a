package io.harpou.bridge.vertx.ha.impl;

import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.home.StateChange;
import io.harpou.bridge.vertx.ha.EntityStateCache;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The cache behind {@link EntityStateCache}: a concurrent map of immutable entries replaced whole on each change. */
public final class EntityStateCacheImpl implements EntityStateCache {

  /** A state with the context HA attached to it (kept so context diffs can be applied). */
  private record Entry(EntityState state, Ctx context) {
  }

  /** HA's context: id, parent_id, user_id. */
  private record Ctx(String id, String parentId, String userId) {
    static final Ctx NONE = new Ctx(null, null, null);

    static Ctx of(JsonObject json) {
      return json == null ? NONE : new Ctx(json.getString("id"), json.getString("parent_id"),
          json.getString("user_id"));
    }

    /** A bare string replaces the id; an object carries only the keys that changed. */
    Ctx merge(Object value) {
      if (value instanceof String bare) {
        return new Ctx(bare, parentId, userId);
      }
      JsonObject json = asObject(value);
      return new Ctx(json.containsKey("id") ? json.getString("id") : id,
          json.containsKey("parent_id") ? json.getString("parent_id") : parentId,
          json.containsKey("user_id") ? json.getString("user_id") : userId);
    }
  }

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Collection<EntityState> view = Collections.unmodifiableCollection(
      new java.util.AbstractCollection<>() {
        @Override
        public java.util.Iterator<EntityState> iterator() {
          java.util.Iterator<Entry> it = entries.values().iterator();
          return new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
              return it.hasNext();
            }

            @Override
            public EntityState next() {
              return it.next().state();
            }
          };
        }

        @Override
        public int size() {
          return entries.size();
        }
      });

  @Override
  public Optional<EntityState> get(String entityId) {
    Entry entry = entries.get(entityId);
    return entry == null ? Optional.empty() : Optional.of(entry.state());
  }

  @Override
  public Collection<EntityState> states() {
    return view;
  }

  @Override
  public int size() {
    return entries.size();
  }

  @Override
  public void apply(JsonObject event, Consumer<StateChange> changes) {
    JsonObject added = event.getJsonObject("a");
    if (added != null) {
      for (Map.Entry<String, Object> item : added) {
        put(item.getKey(), fromCompressed(item.getKey(), asObject(item.getValue())), changes);
      }
    }
    JsonObject diffs = event.getJsonObject("c");
    if (diffs != null) {
      for (Map.Entry<String, Object> item : diffs) {
        Entry old = entries.get(item.getKey());
        if (old != null) {
          Entry updated = applyDiff(old, asObject(item.getValue()));
          entries.put(item.getKey(), updated);
          // A diff touching only the context changes nothing a state object shows.
          if (updated.state() != old.state()) {
            changes.accept(new StateChange(item.getKey(), old.state(), updated.state()));
          }
        }
      }
    }
    JsonArray removed = event.getJsonArray("r");
    if (removed != null) {
      for (Object id : removed) {
        Entry old = entries.remove(String.valueOf(id));
        if (old != null) {
          changes.accept(new StateChange(old.state().entityId(), old.state(), null));
        }
      }
    }
  }

  @Override
  public void replaceAll(JsonObject initialEvent, Consumer<StateChange> changes) {
    JsonObject added = initialEvent.getJsonObject("a", new JsonObject());
    Map<String, Entry> fresh = new HashMap<>(added.size() * 2);
    for (Map.Entry<String, Object> item : added) {
      fresh.put(item.getKey(), fromCompressed(item.getKey(), asObject(item.getValue())));
    }
    replace(fresh, changes);
  }

  @Override
  public void replaceAllFull(JsonArray states, Consumer<StateChange> changes) {
    Map<String, Entry> fresh = new HashMap<>(states.size() * 2);
    for (int i = 0; i < states.size(); i++) {
      JsonObject json = states.getJsonObject(i);
      EntityState state = EntityState.fromJson(json);
      fresh.put(state.entityId(), new Entry(state, Ctx.of(json.getJsonObject("context"))));
    }
    replace(fresh, changes);
  }

  private void replace(Map<String, Entry> fresh, Consumer<StateChange> changes) {
    for (String id : entries.keySet()) {
      if (!fresh.containsKey(id)) {
        Entry old = entries.remove(id);
        changes.accept(new StateChange(id, old.state(), null));
      }
    }
    fresh.forEach((id, entry) -> put(id, entry, changes));
  }

  private void put(String id, Entry entry, Consumer<StateChange> changes) {
    Entry old = entries.put(id, entry);
    if (old == null || !old.state().equals(entry.state())) {
      changes.accept(new StateChange(id, old == null ? null : old.state(), entry.state()));
    }
  }

  private static Entry fromCompressed(String id, JsonObject c) {
    Instant lastChanged = epoch(c.getValue("lc"));
    Instant lastUpdated = c.containsKey("lu") ? epoch(c.getValue("lu")) : lastChanged;
    JsonObject attributes = c.getJsonObject("a");
    EntityState state = new EntityState(id, c.getString("s"), attributes == null ? new JsonObject() : attributes,
        lastChanged, lastUpdated);
    Object context = c.getValue("c");
    return new Entry(state, context == null ? Ctx.NONE : Ctx.NONE.merge(context));
  }

  private static Entry applyDiff(Entry old, JsonObject diff) {
    EntityState before = old.state();
    JsonObject plus = diff.getJsonObject("+");
    JsonObject minus = diff.getJsonObject("-");
    String state = before.state();
    Instant lastChanged = before.lastChanged();
    Instant lastUpdated = before.lastUpdated();
    JsonObject attributes = before.attributes();
    Ctx context = old.context();
    boolean visible = false;
    if (plus != null) {
      if (plus.containsKey("s")) {
        state = plus.getString("s");
        visible = true;
      }
      if (plus.containsKey("lc")) {
        lastChanged = epoch(plus.getValue("lc"));
        lastUpdated = lastChanged;
        visible = true;
      } else if (plus.containsKey("lu")) {
        lastUpdated = epoch(plus.getValue("lu"));
        visible = true;
      }
      JsonObject addedAttributes = plus.getJsonObject("a");
      if (addedAttributes != null && !addedAttributes.isEmpty()) {
        attributes = copy(attributes);
        attributes.getMap().putAll(addedAttributes.getMap());
        visible = true;
      }
      Object contextDiff = plus.getValue("c");
      if (contextDiff != null) {
        context = context.merge(contextDiff);
      }
    }
    if (minus != null) {
      JsonArray removed = minus.getJsonArray("a");
      if (removed != null && !removed.isEmpty()) {
        attributes = attributes == before.attributes() ? copy(attributes) : attributes;
        for (Object name : removed) {
          attributes.remove(String.valueOf(name));
        }
        visible = true;
      }
    }
    EntityState after = visible
        ? new EntityState(before.entityId(), state, attributes, lastChanged, lastUpdated) : before;
    return new Entry(after, context);
  }

  private static JsonObject copy(JsonObject attributes) {
    return new JsonObject(new LinkedHashMap<>(attributes.getMap()));
  }

  @SuppressWarnings("unchecked")
  private static JsonObject asObject(Object value) {
    if (value instanceof JsonObject json) {
      return json;
    }
    if (value instanceof Map<?, ?> map) {
      return new JsonObject((Map<String, Object>) map);
    }
    throw new IllegalArgumentException("expected a JSON object in subscribe_entities event, got " + value);
  }

  /** Compressed timestamps are float epoch seconds with microsecond precision. */
  static Instant epoch(Object value) {
    if (!(value instanceof Number number)) {
      return null;
    }
    long micros = Math.round(number.doubleValue() * 1_000_000d);
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
