package io.harpou.tools.home.impl;

import io.harpou.tools.home.IntentMatch;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** Lights (brightness, relative brightness, colour, colour temperature) and fans (speed, faster, presets). */
final class LightIntents {

  private LightIntents() {
  }

  static void register(Map<String, IntentHandler> handlers) {
    handlers.put("light_brightness", LightIntents::brightness);
    handlers.put("light_step", LightIntents::step);
    handlers.put("light_color", LightIntents::color);
    handlers.put("light_temperature", LightIntents::temperature);
    handlers.put("fan_speed", LightIntents::fanSpeed);
    handlers.put("fan_step", (c, e, s) -> DeviceIntents.simple(c, e, s, "set_fan", new JsonObject()));
    handlers.put("fan_preset", LightIntents::fanPreset);
  }

  private static IntentMatch brightness(MatchContext c, IntentEntry e, Slots s) {
    Double n = s.number();
    if (n == null) {
      n = e.args().getDouble("brightness");
    }
    if (n == null || n < 0 || n > 100) {
      return null;
    }
    return DeviceIntents.simple(c, e, s, "set_light", new JsonObject().put("brightness", n));
  }

  /** "Brighter", "dim the kitchen by 20 percent": a step, its sign from the sentence's {@code brightness_step}. */
  private static IntentMatch step(MatchContext c, IntentEntry e, Slots s) {
    double sign = Math.signum(e.args().getDouble("brightness_step", 1.0));
    Double n = s.number();
    if (n != null && (n <= 0 || n > 100)) {
      return null;
    }
    double step = n == null ? e.args().getDouble("brightness_step") : sign * n;
    return DeviceIntents.simple(c, e, s, "set_light", new JsonObject().put("brightness_step", step));
  }

  /**
   * "Make the night light blue" also reads as "the night" in "light blue": when the colour's first word ends a name
   * that resolves, that reading wins.
   */
  private static IntentMatch color(MatchContext c, IntentEntry e, Slots s) {
    String color = s.get("color");
    if (color == null || c.vocabulary.color(color) == null) {
      return null;
    }
    String name = DeviceIntents.target(s);
    int space = color.indexOf(' ');
    if (name != null && space > 0 && s.adjacent("name", "color")
        && c.vocabulary.color(color.substring(space + 1)) != null) {
      String longer = name + " " + color.substring(0, space);
      Resolution r = c.target(e, longer);
      if (r != null && r.found()) {
        String shorter = color.substring(space + 1);
        return c.call(e, "set_light", e.args().copy().put("color", shorter), r.entities());
      }
    }
    return DeviceIntents.simple(c, e, s, "set_light", new JsonObject().put("color", color));
  }

  private static IntentMatch temperature(MatchContext c, IntentEntry e, Slots s) {
    Double n = s.number();
    if (n == null) {
      n = e.args().getDouble("color_temp_kelvin");
    }
    if (n == null || n < 1000 || n > 12000) {
      return null;
    }
    return DeviceIntents.simple(c, e, s, "set_light", new JsonObject().put("color_temp_kelvin", n));
  }

  private static IntentMatch fanSpeed(MatchContext c, IntentEntry e, Slots s) {
    Double n = s.number();
    if (n == null) {
      n = e.args().getDouble("percentage");
    }
    if (n == null || n < 0 || n > 100) {
      return null;
    }
    return DeviceIntents.simple(c, e, s, "set_fan", new JsonObject().put("percentage", n));
  }

  /** "Put the fan on sleep": only a preset the fans named offer. */
  private static IntentMatch fanPreset(MatchContext c, IntentEntry e, Slots s) {
    String preset = s.get("preset");
    if (preset == null || !Presets.anyOffers(c, "fan", preset) || !Presets.namesDevices(c, e, s)) {
      return null;
    }
    return c.act(e, DeviceIntents.target(s), fans -> {
      String chosen = Presets.offered(c, fans, preset);
      return chosen == null ? null : c.call(e, "set_fan", new JsonObject().put("preset_mode", chosen), fans);
    });
  }
}
