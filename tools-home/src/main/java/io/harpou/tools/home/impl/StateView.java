package io.harpou.tools.home.impl;

import io.harpou.bridge.api.home.EntityState;
import io.harpou.tools.home.HomeEntity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The part of an entity's state worth showing a model: its state and a few telling attributes. */
final class StateView {

  static final List<String> ATTRIBUTES = List.of("temperature", "current_temperature", "target_temp_high",
      "target_temp_low", "hvac_action", "brightness", "color_temp_kelvin", "rgb_color", "humidity",
      "current_humidity", "unit_of_measurement", "device_class", "current_position", "percentage", "volume_level",
      "is_volume_muted", "media_title", "media_artist", "media_album_name", "source", "hvac_modes", "source_list",
      "temperature_unit", "preset_mode", "preset_modes");

  private StateView() {
  }

  /** The entity with its state, or state "unknown" when the state is missing. */
  static JsonObject of(HomeEntity e, EntityState state) {
    JsonObject json = new JsonObject().put("entity_id", e.entityId()).put("name", e.name())
        .put("domain", e.domain());
    if (!e.aliases().isEmpty()) {
      json.put("aliases", new JsonArray(List.copyOf(e.aliases())));
    }
    if (e.areaName() != null) {
      json.put("area", e.areaName());
    }
    if (e.isProtected()) {
      json.put("protected", true);
    }
    json.put("state", state == null ? "unknown" : state.state());
    if (state != null) {
      JsonObject attrs = new JsonObject();
      for (String key : ATTRIBUTES) {
        Object value = state.attributes().getValue(key);
        if (value != null) {
          attrs.put(key, value);
        }
      }
      if (state.attributes().containsKey("brightness") && state.attributes().getValue("brightness") != null) {
        attrs.put("brightness_pct", Math.round(state.attributes().getDouble("brightness") * 100 / 255.0));
      }
      if (!attrs.isEmpty()) {
        json.put("attributes", attrs);
      }
    }
    return json;
  }
}
