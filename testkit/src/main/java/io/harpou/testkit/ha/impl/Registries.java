package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The floor, area, device and entity registries, as Home Assistant lists them. Read-only after loading. */
final class Registries {

  final Map<String, JsonObject> floors = new LinkedHashMap<>();
  final Map<String, JsonObject> areas = new LinkedHashMap<>();
  final Map<String, JsonObject> devices = new LinkedHashMap<>();
  final Map<String, JsonObject> entities = new LinkedHashMap<>();

  JsonArray floorList() {
    return copyAll(floors);
  }

  JsonArray areaList() {
    return copyAll(areas);
  }

  JsonArray deviceList() {
    return copyAll(devices);
  }

  JsonArray entityList() {
    return copyAll(entities);
  }

  JsonObject entity(String entityId) {
    return entities.get(entityId);
  }

  /** The entity's own area, or its device's area, as Home Assistant resolves it. */
  String areaOf(String entityId) {
    JsonObject entry = entities.get(entityId);
    if (entry == null) {
      return null;
    }
    String area = entry.getString("area_id");
    if (area != null) {
      return area;
    }
    String deviceId = entry.getString("device_id");
    JsonObject device = deviceId == null ? null : devices.get(deviceId);
    return device == null ? null : device.getString("area_id");
  }

  List<String> entitiesInArea(String areaId) {
    List<String> out = new ArrayList<>();
    for (String entityId : entities.keySet()) {
      if (areaId.equals(areaOf(entityId))) {
        out.add(entityId);
      }
    }
    return out;
  }

  List<String> entitiesOfDevice(String deviceId) {
    List<String> out = new ArrayList<>();
    entities.forEach((id, entry) -> {
      if (deviceId.equals(entry.getString("device_id"))) {
        out.add(id);
      }
    });
    return out;
  }

  List<String> areasOnFloor(String floorId) {
    List<String> out = new ArrayList<>();
    areas.forEach((id, entry) -> {
      if (floorId.equals(entry.getString("floor_id"))) {
        out.add(id);
      }
    });
    return out;
  }

  /** The names a person may use for an entity: registry name, then aliases. */
  List<String> namesOf(String entityId) {
    List<String> names = new ArrayList<>();
    JsonObject entry = entities.get(entityId);
    if (entry == null) {
      return names;
    }
    if (entry.getString("name") != null) {
      names.add(entry.getString("name"));
    }
    if (entry.getString("original_name") != null) {
      names.add(entry.getString("original_name"));
    }
    for (Object alias : entry.getJsonArray("aliases", new JsonArray())) {
      names.add(String.valueOf(alias));
    }
    return names;
  }

  private static JsonArray copyAll(Map<String, JsonObject> map) {
    JsonArray out = new JsonArray();
    map.values().forEach(v -> out.add(v.copy()));
    return out;
  }
}
