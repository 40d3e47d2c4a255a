package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonObject;

/** An event on the virtual home's bus; state events also carry the state objects for compressed diffs. */
record HaEvent(String eventType, JsonObject data, String origin, long timeFired, HaContext context,
               EntityState oldState, EntityState newState) {

  static final String STATE_CHANGED = "state_changed";
  static final String STATE_REPORTED = "state_reported";

  JsonObject toJson() {
    return new JsonObject()
        .put("event_type", eventType)
        .put("data", data.copy())
        .put("origin", origin)
        .put("time_fired", Ids.iso(timeFired))
        .put("context", context.toJson());
  }
}
