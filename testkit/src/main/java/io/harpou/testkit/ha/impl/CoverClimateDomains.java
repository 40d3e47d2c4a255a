package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Covers (open, close, stop, position; a move completes at once, so {@code opening}/{@code closing} are skipped) and
 * climate (target temperature within min/max, hvac mode; the state is the hvac mode).
 */
final class CoverClimateDomains {

  private CoverClimateDomains() {
  }

  static void register(Home home) {
    ServiceRegistry s = home.services;
    s.register(ServiceDef.entity("cover", "open_cover", (c, id) -> moveTo(c, id, 100)));
    s.register(ServiceDef.entity("cover", "close_cover", (c, id) -> moveTo(c, id, 0)));
    s.register(ServiceDef.entity("cover", "stop_cover", (c, id) -> c.write(id, c.state(id).state(), c.attrs(id))));
    s.register(ServiceDef.entity("cover", "toggle", (c, id) ->
        moveTo(c, id, "closed".equals(c.state(id).state()) ? 100 : 0)));
    s.register(ServiceDef.entity("cover", "set_cover_position", (c, id) -> {
      JsonObject a = c.attrs(id);
      if ((a.getInteger("supported_features", 0) & 4) == 0) {
        throw new ServiceError("service_validation_error", "Validation error: Entity " + id
            + " does not support action cover.set_cover_position", "homeassistant", "entity_not_supported",
            new JsonObject().put("entity_id", id).put("service", "cover.set_cover_position"));
      }
      moveTo(c, id, c.data.getInteger("position"));
    }).field("position", Field.integer(0, 100).req()));

    s.register(ServiceDef.entity("climate", "set_temperature", (c, id) -> {
      JsonObject a = c.attrs(id);
      String mode = c.data.getString("hvac_mode", c.state(id).state());
      if (c.data.containsKey("temperature")) {
        double t = c.data.getDouble("temperature");
        double min = a.getDouble("min_temp", 7.0);
        double max = a.getDouble("max_temp", 35.0);
        if (t < min || t > max) {
          throw new ServiceError("service_validation_error", "Validation error: Provided temperature "
              + Repr.num(t) + " is not valid. Accepted range is " + Repr.num(min) + " to " + Repr.num(max),
              "climate", "temp_out_of_range", new JsonObject().put("check_temp", Repr.num(t))
              .put("min_temp", Repr.num(min)).put("max_temp", Repr.num(max)));
        }
        a.put("temperature", t);
      }
      checkMode(a, mode);
      c.write(id, mode, withAction(a, mode));
    }).field("temperature", Field.number(-100, 100)).field("target_temp_high", Field.number(-100, 100))
        .field("target_temp_low", Field.number(-100, 100)).field("hvac_mode", Field.string()));
    s.register(ServiceDef.entity("climate", "set_hvac_mode", (c, id) -> {
      String mode = c.data.getString("hvac_mode");
      JsonObject a = c.attrs(id);
      checkMode(a, mode);
      c.write(id, mode, withAction(a, mode));
    }).field("hvac_mode", Field.oneOf("off", "heat", "cool", "heat_cool", "auto", "dry", "fan_only").req()));
    s.register(ServiceDef.entity("climate", "set_preset_mode", (c, id) -> {
      JsonObject a = c.attrs(id);
      String preset = c.data.getString("preset_mode");
      JsonArray presets = a.getJsonArray("preset_modes");
      if (presets == null || !presets.contains(preset)) {
        throw new ServiceError("service_validation_error", "Validation error: Preset mode " + preset
            + " is not valid. Valid preset modes are: " + (presets == null ? "" : String.join(", ",
            presets.stream().map(String::valueOf).toList())), "climate", "not_valid_preset_mode",
            new JsonObject().put("mode", preset));
      }
      c.write(id, c.state(id).state(), a.put("preset_mode", preset));
    }).field("preset_mode", Field.string().req()));
    s.register(ServiceDef.entity("climate", "turn_on", (c, id) ->
        c.write(id, "heat", withAction(c.attrs(id), "heat"))));
    s.register(ServiceDef.entity("climate", "turn_off", (c, id) ->
        c.write(id, "off", withAction(c.attrs(id), "off"))));
    s.register(ServiceDef.entity("climate", "toggle", (c, id) -> {
      String mode = "off".equals(c.state(id).state()) ? "heat" : "off";
      c.write(id, mode, withAction(c.attrs(id), mode));
    }));
  }

  private static void moveTo(CallContext c, String id, int position) {
    JsonObject a = c.attrs(id);
    if (a.containsKey("current_position")) {
      a.put("current_position", position);
    }
    c.write(id, position == 0 ? "closed" : "open", a);
  }

  private static void checkMode(JsonObject a, String mode) {
    JsonArray modes = a.getJsonArray("hvac_modes", new JsonArray());
    if (!modes.contains(mode)) {
      throw new ServiceError("service_validation_error", "Validation error: HVAC mode " + mode
          + " is not valid. Valid HVAC modes are: " + String.join(", ", modes.stream().map(String::valueOf)
          .toList()), "climate", "not_valid_hvac_mode", new JsonObject().put("mode", mode));
    }
  }

  private static JsonObject withAction(JsonObject a, String mode) {
    if ("off".equals(mode)) {
      return a.put("hvac_action", "off");
    }
    double current = a.getDouble("current_temperature", 20.0);
    double target = a.getDouble("temperature", current);
    String action = "heat".equals(mode) && target > current ? "heating"
        : "cool".equals(mode) && target < current ? "cooling" : "idle";
    return a.put("hvac_action", action);
  }
}
