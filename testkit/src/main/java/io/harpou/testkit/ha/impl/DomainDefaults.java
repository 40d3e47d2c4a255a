package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Fills in the standard attributes and initial state of each domain, so house files stay short. */
final class DomainDefaults {

  private DomainDefaults() {
  }

  /** Completes {@code attrs} in place and returns the initial state. */
  static String complete(String domain, String state, JsonObject attrs) {
    switch (domain) {
      case "light" -> {
        String s = state == null ? "off" : state;
        attrs.put("supported_color_modes", attrs.getJsonArray("supported_color_modes",
            new JsonArray().add("onoff")));
        putIfAbsent(attrs, "supported_features", 32);
        LightDomain.normalise(attrs, "on".equals(s));
        return s;
      }
      case "switch", "binary_sensor", "input_boolean" -> {
        return state == null ? "off" : state;
      }
      case "fan" -> {
        String s = state == null ? "off" : state;
        putIfAbsent(attrs, "percentage", "on".equals(s) ? 50 : 0);
        putIfAbsent(attrs, "percentage_step", 1.0);
        putIfAbsent(attrs, "preset_mode", null);
        putIfAbsent(attrs, "preset_modes", null);
        putIfAbsent(attrs, "supported_features", 1 | 16 | 32);
        return s;
      }
      case "cover" -> {
        String s = state == null ? "closed" : state;
        boolean positional = !"garage".equals(attrs.getString("device_class"));
        if (positional) {
          putIfAbsent(attrs, "current_position", "open".equals(s) ? 100 : 0);
        }
        putIfAbsent(attrs, "supported_features", positional ? 1 | 2 | 4 | 8 : 1 | 2 | 8);
        return s;
      }
      case "climate" -> {
        putIfAbsent(attrs, "hvac_modes", new JsonArray().add("off").add("heat").add("cool").add("auto"));
        putIfAbsent(attrs, "min_temp", 7);
        putIfAbsent(attrs, "max_temp", 35);
        putIfAbsent(attrs, "target_temp_step", 0.5);
        putIfAbsent(attrs, "current_temperature", 20.5);
        putIfAbsent(attrs, "temperature", 21.0);
        String s = state == null ? "heat" : state;
        putIfAbsent(attrs, "hvac_action", "off".equals(s) ? "off" : "idle");
        putIfAbsent(attrs, "supported_features", 1 | 128 | 256);
        return s;
      }
      case "media_player" -> {
        putIfAbsent(attrs, "volume_level", 0.3);
        putIfAbsent(attrs, "is_volume_muted", false);
        putIfAbsent(attrs, "supported_features", MediaDomain.FEATURES);
        return state == null ? "off" : state;
      }
      case "lock" -> {
        putIfAbsent(attrs, "supported_features", 0);
        return state == null ? "locked" : state;
      }
      case "camera" -> {
        String token = Ids.hex32();
        putIfAbsent(attrs, "access_token", token);
        putIfAbsent(attrs, "frontend_stream_type", null);
        putIfAbsent(attrs, "supported_features", 0);
        return state == null ? "idle" : state;
      }
      case "scene" -> {
        return state == null ? "unknown" : state;
      }
      case "script" -> {
        putIfAbsent(attrs, "last_triggered", null);
        putIfAbsent(attrs, "mode", "single");
        putIfAbsent(attrs, "current", 0);
        return state == null ? "off" : state;
      }
      case "todo" -> {
        putIfAbsent(attrs, "supported_features", 1 | 2 | 4);
        return "0";
      }
      case "timer" -> {
        putIfAbsent(attrs, "duration", "0:05:00");
        putIfAbsent(attrs, "editable", false);
        return state == null ? "idle" : state;
      }
      case "valve" -> {
        String s = state == null ? "closed" : state;
        boolean positional = attrs.containsKey("current_position");
        putIfAbsent(attrs, "supported_features", positional ? 1 | 2 | 4 | 8 : 1 | 2);
        return s;
      }
      case "vacuum" -> {
        putIfAbsent(attrs, "battery_level", 100);
        putIfAbsent(attrs, "fan_speed", "standard");
        putIfAbsent(attrs, "fan_speed_list", new JsonArray().add("quiet").add("standard").add("turbo"));
        putIfAbsent(attrs, "supported_features", ApplianceDomains.VACUUM_FEATURES);
        return state == null ? "docked" : state;
      }
      case "lawn_mower" -> {
        putIfAbsent(attrs, "supported_features", 1 | 2 | 4);
        return state == null ? "docked" : state;
      }
      case "weather" -> {
        putIfAbsent(attrs, "temperature_unit", "°C");
        putIfAbsent(attrs, "wind_speed_unit", "km/h");
        putIfAbsent(attrs, "pressure_unit", "hPa");
        putIfAbsent(attrs, "precipitation_unit", "mm");
        putIfAbsent(attrs, "visibility_unit", "km");
        putIfAbsent(attrs, "supported_features", 1 | 2);
        return state == null ? "sunny" : state;
      }
      case "alarm_control_panel" -> {
        putIfAbsent(attrs, "code_format", null);
        putIfAbsent(attrs, "changed_by", null);
        putIfAbsent(attrs, "code_arm_required", false);
        putIfAbsent(attrs, "supported_features", 1 | 2 | 4 | 8 | 32);
        return state == null ? "disarmed" : state;
      }
      case "person" -> {
        putIfAbsent(attrs, "source", null);
        return state == null ? "not_home" : state;
      }
      default -> {
        return state == null ? "unknown" : state;
      }
    }
  }

  static void putIfAbsent(JsonObject attrs, String key, Object value) {
    if (!attrs.containsKey(key)) {
      attrs.put(key, value);
    }
  }
}
