package io.harpou.bridge.api.home;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The state of one entity, as Home Assistant reports it.
 *
 * @param entityId for example {@code light.kitchen}
 * @param state the state string ({@code on}, {@code 21.5}, {@code unavailable})
 * @param attributes the attributes, never null
 * @param lastChanged when the state string last changed
 * @param lastUpdated when the state or an attribute last changed
 */
public record EntityState(String entityId, String state, JsonObject attributes, Instant lastChanged,
                          Instant lastUpdated) {

  /** Validates the entity id (domain.object_id) and defaults the attributes. */
  public EntityState {
    if (entityId == null || entityId.indexOf('.') <= 0) {
      throw new IllegalArgumentException("entity id must be domain.object_id: " + entityId);
    }
    state = state == null ? "unknown" : state;
    attributes = attributes == null ? new JsonObject() : attributes;
  }

  /** The domain, for example {@code light}. */
  public String domain() {
    return entityId.substring(0, entityId.indexOf('.'));
  }

  /** The {@code friendly_name} attribute, or the entity id. */
  public String friendlyName() {
    return attributes.getString("friendly_name", entityId);
  }

  /** True when the state is neither {@code unavailable} nor {@code unknown}. */
  public boolean available() {
    return !"unavailable".equals(state) && !"unknown".equals(state);
  }

  /** The JSON form, shaped like Home Assistant's state objects. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("entity_id", entityId).put("state", state)
        .put("attributes", attributes.copy());
    Json.putIfPresent(json, "last_changed", lastChanged);
    return Json.putIfPresent(json, "last_updated", lastUpdated);
  }

  /** Reads Home Assistant's state object; unknown keys (context, last_reported) are ignored. */
  public static EntityState fromJson(JsonObject json) {
    return new EntityState(json.getString("entity_id"), json.getString("state"), json.getJsonObject("attributes"),
        Json.instant(json, "last_changed"), Json.instant(json, "last_updated"));
  }
}
