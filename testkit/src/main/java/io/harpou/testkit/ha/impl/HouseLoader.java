package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds registries and initial states from a house description (see {@code demo-house.json}): floors, areas,
 * devices and entities, with entity names and aliases in the entity registry and an area either on the entity or
 * inherited from its device.
 */
final class HouseLoader {

  static final String DEMO_RESOURCE = "/io/harpou/testkit/ha/demo-house.json";
  private static final Pattern ENTITY_ID = Pattern.compile("^[a-z0-9_]+\\.[a-z0-9_]+$");

  private HouseLoader() {
  }

  static JsonObject demoHouse() {
    try (InputStream in = HouseLoader.class.getResourceAsStream(DEMO_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEMO_RESOURCE);
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEMO_RESOURCE, e);
    }
  }

  /**
   * Loads a house into an empty state machine.
   *
   * @throws IllegalArgumentException on a malformed house (bad entity id, unknown area, floor or device)
   */
  static House load(JsonObject json, StateMachine states) {
    House house = new House();
    house.locationName = json.getString("location_name", house.locationName);
    house.language = json.getString("language", house.language);
    house.country = json.getString("country", house.country);
    house.timeZone = json.getString("time_zone", house.timeZone);
    house.copiedServices = json.getJsonObject("services", new JsonObject());
    long created = Ids.nowMicros();
    double createdAt = Ids.epoch(created);
    Map<String, String> configEntries = new HashMap<>();
    Registries reg = house.registries;
    for (JsonObject floor : objects(json, "floors")) {
      String id = require(floor, "floor_id");
      reg.floors.put(id, new JsonObject().put("aliases", floor.getJsonArray("aliases", new JsonArray()))
          .put("created_at", createdAt).put("floor_id", id).put("icon", floor.getString("icon"))
          .put("level", floor.getInteger("level")).put("name", require(floor, "name"))
          .put("modified_at", createdAt));
    }
    for (JsonObject area : objects(json, "areas")) {
      String id = require(area, "area_id");
      String floorId = area.getString("floor_id");
      if (floorId != null && !reg.floors.containsKey(floorId)) {
        throw new IllegalArgumentException("area " + id + " names unknown floor " + floorId);
      }
      reg.areas.put(id, new JsonObject().put("aliases", area.getJsonArray("aliases", new JsonArray()))
          .put("area_id", id).put("created_at", createdAt).put("floor_id", floorId)
          .put("humidity_entity_id", null).put("icon", area.getString("icon")).put("labels", new JsonArray())
          .put("modified_at", createdAt).put("name", require(area, "name")).put("picture", null)
          .put("temperature_entity_id", area.getString("temperature_entity_id")));
    }
    for (JsonObject device : objects(json, "devices")) {
      String id = require(device, "id");
      String areaId = checkArea(reg, device.getString("area_id"), "device " + id);
      String platform = device.getString("platform", "demo");
      String entry = configEntries.computeIfAbsent(platform, p -> Ids.ulid());
      reg.devices.put(id, new JsonObject().put("area_id", areaId).put("configuration_url", null)
          .put("config_entries", new JsonArray().add(entry))
          .put("config_entries_subentries", new JsonObject().put(entry, new JsonArray().addNull()))
          .put("connections", new JsonArray()).put("created_at", createdAt).put("disabled_by", null)
          .put("entry_type", null).put("hw_version", device.getString("hw_version")).put("id", id)
          .put("identifiers", new JsonArray().add(new JsonArray().add(platform).add(id)))
          .put("labels", new JsonArray()).put("manufacturer", device.getString("manufacturer"))
          .put("model", device.getString("model")).put("model_id", null).put("modified_at", createdAt)
          .put("name_by_user", null).put("name", require(device, "name")).put("primary_config_entry", entry)
          .put("serial_number", null).put("sw_version", device.getString("sw_version"))
          .put("via_device_id", null));
    }
    for (JsonObject entity : objects(json, "entities")) {
      loadEntity(house, states, entity, configEntries, created);
    }
    objects(json, "media_library").forEach(item -> house.mediaLibrary.add(item.copy()));
    return house;
  }

  private static void loadEntity(House house, StateMachine states, JsonObject entity,
                                 Map<String, String> configEntries, long created) {
    Registries reg = house.registries;
    String entityId = require(entity, "entity_id");
    if (!ENTITY_ID.matcher(entityId).matches()) {
      throw new IllegalArgumentException("invalid entity id: " + entityId);
    }
    if (reg.entities.containsKey(entityId)) {
      throw new IllegalArgumentException("duplicate entity id: " + entityId);
    }
    String deviceId = entity.getString("device_id");
    if (deviceId != null && !reg.devices.containsKey(deviceId)) {
      throw new IllegalArgumentException("entity " + entityId + " names unknown device " + deviceId);
    }
    String areaId = checkArea(reg, entity.getString("area_id"), "entity " + entityId);
    String platform = entity.getString("platform", "demo");
    String entry = configEntries.computeIfAbsent(platform, p -> Ids.ulid());
    String name = entity.getString("name");
    double at = Ids.epoch(created);
    reg.entities.put(entityId, new JsonObject().put("aliases", entity.getJsonArray("aliases", new JsonArray()))
        .put("area_id", areaId).put("categories", new JsonObject()).put("config_entry_id", entry)
        .put("config_subentry_id", null).put("created_at", at).put("device_id", deviceId)
        .put("disabled_by", null).put("entity_category", null).put("entity_id", entityId)
        .put("has_entity_name", false).put("hidden_by", null).put("icon", entity.getString("icon"))
        .put("id", Ids.hex32()).put("labels", new JsonArray()).put("modified_at", at).put("name", name)
        .put("options", new JsonObject().put("conversation", new JsonObject().put("should_expose", true)))
        .put("original_name", null).put("platform", platform).put("translation_key", null)
        .put("unique_id", platform + "-" + entityId));
    JsonObject attrs = entity.getJsonObject("attributes", new JsonObject()).copy();
    if (name != null) {
      attrs.put("friendly_name", name);
    }
    String domain = entityId.substring(0, entityId.indexOf('.'));
    String state = DomainDefaults.complete(domain, entity.getString("state"), attrs);
    if ("camera".equals(domain)) {
      attrs.put("entity_picture", "/api/camera_proxy/" + entityId + "?token=" + attrs.getString("access_token"));
    }
    if ("scene".equals(domain)) {
      JsonObject members = entity.getJsonObject("scene_entities", new JsonObject());
      house.scenes.put(entityId, members);
      attrs.put("entity_id", new JsonArray(new ArrayList<>(members.fieldNames())));
    } else if ("alarm_control_panel".equals(domain) && entity.getString("code") != null) {
      house.alarmCodes.put(entityId, entity.getString("code"));
      attrs.put("code_format", "number");
    } else if ("weather".equals(domain)) {
      house.forecasts.put(entityId, Forecasts.dated(entity.getJsonObject("forecast", new JsonObject()),
          house.timeZone));
    } else if ("vacuum".equals(domain)) {
      java.util.Set<String> mapped = new java.util.LinkedHashSet<>();
      entity.getJsonArray("cleans_areas", new JsonArray()).forEach(a -> mapped.add(checkArea(reg, (String) a,
          "vacuum " + entityId)));
      house.vacuumAreas.put(entityId, mapped);
    } else if ("script".equals(domain)) {
      house.scripts.put(entityId, entity.getJsonArray("sequence", new JsonArray()));
    } else if ("todo".equals(domain)) {
      List<JsonObject> items = new ArrayList<>();
      for (Object item : entity.getJsonArray("items", new JsonArray())) {
        JsonObject it = item instanceof JsonObject o ? o.copy() : new JsonObject().put("summary", item.toString());
        it.put("uid", it.getString("uid", Ids.hex32())).put("status", it.getString("status", "needs_action"));
        items.add(it);
      }
      house.todoItems.put(entityId, items);
      // A copied house carries the list's count as its state, not its items (reading them is a service call).
      state = entity.containsKey("items") || entity.getString("state") == null
          ? String.valueOf(items.stream().filter(i -> "needs_action".equals(i.getString("status"))).count())
          : entity.getString("state");
    }
    states.load(new EntityState(entityId, state, attrs, created, created, created, HaContext.create(null)));
  }

  private static String checkArea(Registries reg, String areaId, String owner) {
    if (areaId != null && !reg.areas.containsKey(areaId)) {
      throw new IllegalArgumentException(owner + " names unknown area " + areaId);
    }
    return areaId;
  }

  private static String require(JsonObject json, String key) {
    String value = json.getString(key);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("missing '" + key + "' in " + json.encode());
    }
    return value;
  }

  private static List<JsonObject> objects(JsonObject json, String key) {
    List<JsonObject> out = new ArrayList<>();
    for (Object o : json.getJsonArray(key, new JsonArray())) {
      if (!(o instanceof JsonObject obj)) {
        throw new IllegalArgumentException("'" + key + "' must hold objects");
      }
      out.add(obj);
    }
    return out;
  }
}
