package io.harpou.bridge.api.home;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;

/**
 * One entity changed: its old and new states (either may be null when the entity appeared or was removed).
 *
 * @param entityId the entity
 * @param oldState the state before, or null when the entity is new
 * @param newState the state after, or null when the entity was removed
 */
public record StateChange(String entityId, EntityState oldState, EntityState newState) {

  /** Validates the entity id. */
  public StateChange {
    Json.requireText(entityId, "entity id");
  }

  /** The JSON form, shaped like the data of Home Assistant's {@code state_changed} event. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("entity_id", entityId);
    Json.putIfPresent(json, "old_state", oldState == null ? null : oldState.toJson());
    return Json.putIfPresent(json, "new_state", newState == null ? null : newState.toJson());
  }

  /** Reads the JSON form. */
  public static StateChange fromJson(JsonObject json) {
    JsonObject oldState = json.getJsonObject("old_state");
    JsonObject newState = json.getJsonObject("new_state");
    return new StateChange(json.getString("entity_id"), oldState == null ? null : EntityState.fromJson(oldState),
        newState == null ? null : EntityState.fromJson(newState));
  }
}
