package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonObject;

import java.util.Objects;

/** One immutable state object, as Home Assistant's {@code State}. Timestamps are epoch microseconds. */
record EntityState(String entityId, String state, JsonObject attributes, long lastChanged, long lastReported,
                   long lastUpdated, HaContext context) {

  EntityState {
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(state, "state");
    attributes = attributes == null ? new JsonObject() : attributes.copy();
    Objects.requireNonNull(context, "context");
  }

  String domain() {
    return entityId.substring(0, entityId.indexOf('.'));
  }

  /** Full state JSON in Home Assistant's key order. */
  JsonObject toJson() {
    return new JsonObject()
        .put("entity_id", entityId)
        .put("state", state)
        .put("attributes", attributes.copy())
        .put("last_changed", Ids.iso(lastChanged))
        .put("last_reported", Ids.iso(lastReported))
        .put("last_updated", Ids.iso(lastUpdated))
        .put("context", context.toJson());
  }

  /** The {@code subscribe_entities} compressed form ({@code s, a, c, lc[, lu]}). */
  JsonObject toCompressed() {
    JsonObject json = new JsonObject().put("s", state).put("a", attributes.copy()).put("c", context.toCompressed())
        .put("lc", Ids.epoch(lastChanged));
    if (lastUpdated != lastChanged) {
      json.put("lu", Ids.epoch(lastUpdated));
    }
    return json;
  }
}
