package io.harpou.bridge.api.home;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A floor of the home, from Home Assistant's floor registry.
 *
 * @param floorId the id
 * @param name the name
 * @param level the level (0 ground floor), or null
 * @param aliases other names people use
 */
public record Floor(String floorId, String name, Integer level, List<String> aliases) {

  /** Validates the id and copies the aliases. */
  public Floor {
    Json.requireText(floorId, "floor id");
    name = name == null ? floorId : name;
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  /** The JSON form, as the registry lists it. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("floor_id", floorId).put("name", name)
        .put("aliases", Json.array(aliases, a -> a));
    return Json.putIfPresent(json, "level", level);
  }

  /** Reads a floor registry entry; unknown keys are ignored. */
  public static Floor fromJson(JsonObject json) {
    return new Floor(json.getString("floor_id"), json.getString("name"), json.getInteger("level"),
        Json.strings(json, "aliases"));
  }
}
