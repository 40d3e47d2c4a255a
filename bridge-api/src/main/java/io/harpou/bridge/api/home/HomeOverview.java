package io.harpou.bridge.api.home;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The house as people see it, read-only: areas with their visible entities and live states. Entities hidden or
 * disabled in Home Assistant, and bookkeeping domains (automations, scripts, zones, people's trackers and the like),
 * are left out. The console and MCP clients read the same view.
 */
public final class HomeOverview {

  /** The domains shown: devices a person has, not bookkeeping. */
  public static final Set<String> SHOWN_DOMAINS = Set.of("light", "switch", "fan", "cover", "climate", "lock",
      "media_player", "sensor", "binary_sensor", "vacuum", "humidifier", "water_heater", "valve", "alarm_control_panel",
      "scene", "camera");

  /** The attributes an entity's controls need, passed on as they are. */
  private static final List<String> CONTROLLED = List.of("brightness", "device_class", "temperature",
      "current_temperature", "hvac_modes", "volume_level");

  private HomeOverview() {
  }

  /**
   * The areas with their visible entities, then the visible entities in no area, with the link's state:
   * {@code {"connection", "areas": [{"area_id", "name", "floor_id", "entities": [...]}], "unassigned": [...]}}.
   */
  public static JsonObject describe(HomeGateway home) {
    Map<String, EntityEntry> entries = new HashMap<>();
    home.entities().forEach(e -> entries.put(e.entityId(), e));
    Map<String, JsonArray> byArea = new LinkedHashMap<>();
    home.areas().forEach(a -> byArea.put(a.areaId(), new JsonArray()));
    JsonArray elsewhere = new JsonArray();
    home.states().stream()
        .filter(s -> SHOWN_DOMAINS.contains(s.domain()))
        .filter(s -> {
          EntityEntry entry = entries.get(s.entityId());
          return entry == null || (!entry.hidden() && !entry.disabled());
        })
        .sorted((a, b) -> a.friendlyName().compareToIgnoreCase(b.friendlyName()))
        .forEach(state -> {
          JsonObject json = entity(state, entries.get(state.entityId()));
          String area = home.areaOf(state.entityId()).map(Area::areaId).orElse(null);
          JsonArray list = area == null ? null : byArea.get(area);
          (list == null ? elsewhere : list).add(json);
        });
    JsonArray areas = new JsonArray();
    for (Area area : home.areas()) {
      JsonArray entities = byArea.get(area.areaId());
      if (!entities.isEmpty()) {
        areas.add(new JsonObject().put("area_id", area.areaId()).put("name", area.name())
            .put("floor_id", area.floorId()).put("entities", entities));
      }
    }
    return new JsonObject().put("connection", home.connectionState().name().toLowerCase(java.util.Locale.ROOT))
        .put("areas", areas).put("unassigned", elsewhere);
  }

  private static JsonObject entity(EntityState state, EntityEntry entry) {
    String name = entry != null && entry.name() != null ? entry.name() : state.friendlyName();
    JsonObject json = new JsonObject().put("entity_id", state.entityId()).put("name", name)
        .put("domain", state.domain()).put("state", state.state());
    Object unit = state.attributes().getValue("unit_of_measurement");
    if (unit != null) {
      json.put("unit", unit);
    }
    // What the console's controls show: a light's brightness, a cover's class, a thermostat's set point and modes, a
    // player's volume.
    for (String attribute : CONTROLLED) {
      Object value = state.attributes().getValue(attribute);
      if (value != null) {
        json.put(attribute, value);
      }
    }
    return json;
  }
}
