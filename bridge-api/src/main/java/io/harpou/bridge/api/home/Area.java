package io.harpou.bridge.api.home;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A room or zone, from Home Assistant's area registry.
 *
 * @param areaId the id, for example {@code living_room}
 * @param name the name, for example {@code Living Room}
 * @param floorId the floor it is on, or null
 * @param aliases other names people use (in any language)
 */
public record Area(String areaId, String name, String floorId, List<String> aliases) {

  /** Validates the id and copies the aliases. */
  public Area {
    Json.requireText(areaId, "area id");
    name = name == null ? areaId : name;
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  /** The JSON form, as the registry lists it. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("area_id", areaId).put("name", name)
        .put("aliases", Json.array(aliases, a -> a));
    return Json.putIfPresent(json, "floor_id", floorId);
  }

  /** Reads an area registry entry; unknown keys are ignored. */
  public static Area fromJson(JsonObject json) {
    return new Area(json.getString("area_id"), json.getString("name"), json.getString("floor_id"),
        Json.strings(json, "aliases"));
  }
}
