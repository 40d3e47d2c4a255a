package io.harpou.tools.home.impl;

import io.harpou.tools.home.IntentMatch;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** Thermostats: a target temperature, warmer or cooler, an HVAC mode, a preset. */
final class ClimateIntents {

  private ClimateIntents() {
  }

  static void register(Map<String, IntentHandler> handlers) {
    handlers.put("climate_temperature", ClimateIntents::temperature);
    handlers.put("climate_step", ClimateIntents::step);
    handlers.put("climate_mode", ClimateIntents::mode);
    handlers.put("climate_preset", ClimateIntents::preset);
  }

  private static IntentMatch temperature(MatchContext c, IntentEntry e, Slots s) {
    Double n = s.number();
    if (n == null || n < -50 || n > 100) {
      return null;
    }
    if (e.args().getBoolean("and_a_half", false)) {
      n += 0.5;
    }
    JsonObject args = new JsonObject().put("temperature", n);
    return c.act(e, DeviceIntents.target(s), targets -> c.call(e, "set_climate", args.copy(), targets));
  }

  /** "Warmer", "turn the heating down by two degrees": one degree unless a number is said. */
  private static IntentMatch step(MatchContext c, IntentEntry e, Slots s) {
    double sign = Math.signum(e.args().getDouble("temperature_step", 1.0));
    Double n = s.number();
    if (n != null && (n <= 0 || n > 10)) {
      return null;
    }
    double step = n == null ? e.args().getDouble("temperature_step") : sign * n;
    JsonObject args = new JsonObject().put("temperature_step", step);
    return c.act(e, DeviceIntents.target(s), targets -> c.call(e, "set_climate", args.copy(), targets));
  }

  private static IntentMatch mode(MatchContext c, IntentEntry e, Slots s) {
    String mode = c.vocabulary.hvacMode(s.get("mode") == null ? "" : s.get("mode"));
    if (mode == null) {
      return null;
    }
    return DeviceIntents.simple(c, e, s, "set_climate", new JsonObject().put("hvac_mode", mode));
  }

  /** "Put the heating in eco mode": a preset every thermostat named offers. */
  private static IntentMatch preset(MatchContext c, IntentEntry e, Slots s) {
    String preset = s.get("preset");
    if (preset == null || !Presets.anyOffers(c, "climate", preset) || !Presets.namesDevices(c, e, s)) {
      return null;
    }
    return c.act(e, DeviceIntents.target(s), thermostats -> {
      String chosen = Presets.offered(c, thermostats, preset);
      return chosen == null ? null
          : c.call(e, "set_climate", new JsonObject().put("preset_mode", chosen), thermostats);
    });
  }
}
