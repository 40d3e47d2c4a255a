package io.harpou.bridge.api.agent;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;

/**
 * Something an action touched, shaped like Home Assistant's intent targets so HA-style clients can show it.
 *
 * @param type {@code entity}, {@code area}, {@code domain}, {@code device_class} or another HA target type
 * @param id the id (for example {@code light.kitchen})
 * @param name the name a person would use
 */
public record ActionTarget(String type, String id, String name) {

  /** Validates the type and id, and names the target by its id when no name is given. */
  public ActionTarget {
    Json.requireText(type, "target type");
    Json.requireText(id, "target id");
    name = name == null || name.isBlank() ? id : name;
  }

  /** An entity target. */
  public static ActionTarget entity(String entityId, String name) {
    return new ActionTarget("entity", entityId, name);
  }

  /** The JSON form, as HA's {@code data.targets} entries. */
  public JsonObject toJson() {
    return new JsonObject().put("type", type).put("id", id).put("name", name);
  }

  /** Reads the JSON form; unknown keys are ignored. */
  public static ActionTarget fromJson(JsonObject json) {
    return new ActionTarget(json.getString("type"), json.getString("id"), json.getString("name"));
  }
}
