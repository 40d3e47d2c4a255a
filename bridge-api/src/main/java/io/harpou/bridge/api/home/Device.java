package io.harpou.bridge.api.home;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;

/**
 * A physical or logical device, from Home Assistant's device registry.
 *
 * @param deviceId the id
 * @param name the name given by the integration
 * @param nameByUser the name the household gave it, or null
 * @param areaId the area the device is in, or null
 * @param manufacturer the manufacturer, or null
 * @param model the model, or null
 */
public record Device(String deviceId, String name, String nameByUser, String areaId, String manufacturer,
                     String model) {

  /** Validates the id. */
  public Device {
    Json.requireText(deviceId, "device id");
  }

  /** The name a person would use: the household's name, else the integration's. */
  public String displayName() {
    return nameByUser != null ? nameByUser : name != null ? name : deviceId;
  }

  /** The JSON form, as the registry lists it. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", deviceId);
    Json.putIfPresent(json, "name", name);
    Json.putIfPresent(json, "name_by_user", nameByUser);
    Json.putIfPresent(json, "area_id", areaId);
    Json.putIfPresent(json, "manufacturer", manufacturer);
    return Json.putIfPresent(json, "model", model);
  }

  /** Reads a device registry entry; unknown keys are ignored. */
  public static Device fromJson(JsonObject json) {
    return new Device(json.getString("id"), json.getString("name"), json.getString("name_by_user"),
        json.getString("area_id"), json.getString("manufacturer"), json.getString("model"));
  }
}
