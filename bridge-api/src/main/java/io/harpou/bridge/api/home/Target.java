package io.harpou.bridge.api.home;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What a service call acts on: entities, devices, areas or floors, as Home Assistant's {@code target}.
 *
 * @param entityIds entity ids
 * @param deviceIds device ids
 * @param areaIds area ids
 * @param floorIds floor ids
 */
public record Target(List<String> entityIds, List<String> deviceIds, List<String> areaIds, List<String> floorIds) {

  /** Copies the lists; absent ones are empty. */
  public Target {
    entityIds = entityIds == null ? List.of() : List.copyOf(entityIds);
    deviceIds = deviceIds == null ? List.of() : List.copyOf(deviceIds);
    areaIds = areaIds == null ? List.of() : List.copyOf(areaIds);
    floorIds = floorIds == null ? List.of() : List.copyOf(floorIds);
  }

  /** A target of the given entities. */
  public static Target entities(String... entityIds) {
    return new Target(List.of(entityIds), null, null, null);
  }

  /** A target of the given areas. */
  public static Target areas(String... areaIds) {
    return new Target(null, null, List.of(areaIds), null);
  }

  /** True when nothing is targeted. */
  public boolean isEmpty() {
    return entityIds.isEmpty() && deviceIds.isEmpty() && areaIds.isEmpty() && floorIds.isEmpty();
  }

  /** The JSON form of HA's {@code target}; empty lists are omitted. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    putList(json, "entity_id", entityIds);
    putList(json, "device_id", deviceIds);
    putList(json, "area_id", areaIds);
    putList(json, "floor_id", floorIds);
    return json;
  }

  /** Reads HA's {@code target}, where each key holds a string or a list. */
  public static Target fromJson(JsonObject json) {
    return new Target(list(json, "entity_id"), list(json, "device_id"), list(json, "area_id"),
        list(json, "floor_id"));
  }

  private static void putList(JsonObject json, String key, List<String> values) {
    if (!values.isEmpty()) {
      json.put(key, Json.array(values, v -> v));
    }
  }

  private static List<String> list(JsonObject json, String key) {
    Object value = json.getValue(key);
    return value instanceof String single ? List.of(single) : Json.strings(json, key);
  }
}
