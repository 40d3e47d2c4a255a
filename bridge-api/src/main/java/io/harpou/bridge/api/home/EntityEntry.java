package io.harpou.bridge.api.home;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * An entity's registry entry: the names, aliases and placement that its state object lacks.
 *
 * @param entityId the entity
 * @param name the household's name for it, or null
 * @param originalName the integration's name, or null
 * @param aliases other names people use (in any language)
 * @param areaId the area set on the entity itself, or null (then its device's area applies)
 * @param deviceId the device it belongs to, or null
 * @param deviceClass the device class ({@code garage}, {@code temperature}), or null
 * @param platform the integration that provides it, or null
 * @param hidden true when the household hid it
 * @param disabled true when it is disabled
 */
public record EntityEntry(String entityId, String name, String originalName, List<String> aliases, String areaId,
                          String deviceId, String deviceClass, String platform, boolean hidden, boolean disabled) {

  /** Validates the entity id and copies the aliases. */
  public EntityEntry {
    Json.requireText(entityId, "entity id");
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  /** The JSON form, as the registry lists it. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("entity_id", entityId).put("aliases", Json.array(aliases, a -> a));
    Json.putIfPresent(json, "name", name);
    Json.putIfPresent(json, "original_name", originalName);
    Json.putIfPresent(json, "area_id", areaId);
    Json.putIfPresent(json, "device_id", deviceId);
    Json.putIfPresent(json, "device_class", deviceClass);
    Json.putIfPresent(json, "platform", platform);
    if (hidden) {
      json.put("hidden_by", "user");
    }
    if (disabled) {
      json.put("disabled_by", "user");
    }
    return json;
  }

  /** Reads an entity registry entry; the class falls back to the original device class, unknown keys are ignored. */
  public static EntityEntry fromJson(JsonObject json) {
    String deviceClass = json.getString("device_class");
    return new EntityEntry(json.getString("entity_id"), json.getString("name"), json.getString("original_name"),
        Json.strings(json, "aliases"), json.getString("area_id"), json.getString("device_id"),
        deviceClass != null ? deviceClass : json.getString("original_device_class"), json.getString("platform"),
        json.getValue("hidden_by") != null, json.getValue("disabled_by") != null);
  }
}
