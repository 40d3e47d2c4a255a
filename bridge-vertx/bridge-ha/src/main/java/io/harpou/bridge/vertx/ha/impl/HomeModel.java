package io.harpou.bridge.vertx.ha.impl;

import io.harpou.bridge.api.home.Area;
import io.harpou.bridge.api.home.Device;
import io.harpou.bridge.api.home.EntityEntry;
import io.harpou.bridge.api.home.Floor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four registries joined: each list is replaced whole when its registry is re-read, and lookups by id go through
 * immutable maps, so readers on any thread see one consistent version of each registry.
 */
final class HomeModel {

  private static final Logger LOG = LoggerFactory.getLogger(HomeModel.class);

  /** Registry names as HA's commands and update events spell them. */
  static final List<String> REGISTRIES = List.of("floor", "area", "device", "entity");

  private volatile Indexed<Floor> floors = Indexed.empty();
  private volatile Indexed<Area> areas = Indexed.empty();
  private volatile Indexed<Device> devices = Indexed.empty();
  private volatile Indexed<EntityEntry> entities = Indexed.empty();

  private record Indexed<T>(List<T> list, Map<String, T> byId) {
    static <T> Indexed<T> empty() {
      return new Indexed<>(List.of(), Map.of());
    }

    static <T> Indexed<T> of(JsonArray array, Function<JsonObject, T> reader, Function<T, String> id, String what) {
      List<T> list = new ArrayList<>(array.size());
      Map<String, T> byId = new HashMap<>(array.size() * 2);
      for (int i = 0; i < array.size(); i++) {
        try {
          T item = reader.apply(array.getJsonObject(i));
          list.add(item);
          byId.put(id.apply(item), item);
        } catch (RuntimeException e) {
          LOG.warn("Skipping a malformed {} registry entry: {}", what, e.getMessage());
        }
      }
      return new Indexed<>(List.copyOf(list), Map.copyOf(byId));
    }
  }

  /** Replaces one registry with the result of {@code config/<name>_registry/list}. */
  void update(String registry, JsonArray list) {
    switch (registry) {
      case "floor" -> floors = Indexed.of(list, Floor::fromJson, Floor::floorId, registry);
      case "area" -> areas = Indexed.of(list, Area::fromJson, Area::areaId, registry);
      case "device" -> devices = Indexed.of(list, Device::fromJson, Device::deviceId, registry);
      case "entity" -> entities = Indexed.of(list, EntityEntry::fromJson, EntityEntry::entityId, registry);
      default -> throw new IllegalArgumentException("unknown registry " + registry);
    }
  }

  List<Floor> floors() {
    return floors.list();
  }

  List<Area> areas() {
    return areas.list();
  }

  List<Device> devices() {
    return devices.list();
  }

  List<EntityEntry> entities() {
    return entities.list();
  }

  /** The entity's own area, else its device's area. */
  Optional<Area> areaOf(String entityId) {
    EntityEntry entry = entities.byId().get(entityId);
    if (entry == null) {
      return Optional.empty();
    }
    String areaId = entry.areaId();
    if (areaId == null && entry.deviceId() != null) {
      Device device = devices.byId().get(entry.deviceId());
      areaId = device == null ? null : device.areaId();
    }
    return areaId == null ? Optional.empty() : Optional.ofNullable(areas.byId().get(areaId));
  }
}
