package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The light domain: on/off/toggle with brightness, colour temperature and colour, as Home Assistant models it. */
final class LightDomain {

  private static final Map<String, int[]> COLOR_NAMES = Map.of(
      "red", new int[] {255, 0, 0}, "green", new int[] {0, 128, 0}, "blue", new int[] {0, 0, 255},
      "white", new int[] {255, 255, 255}, "yellow", new int[] {255, 255, 0}, "orange", new int[] {255, 165, 0},
      "purple", new int[] {128, 0, 128}, "pink", new int[] {255, 192, 203}, "cyan", new int[] {0, 255, 255});

  /** Brightness and colour a light had when last on, restored by a plain turn_on. */
  private final Map<String, JsonObject> lastOn = new ConcurrentHashMap<>();

  private LightDomain() {
  }

  static void register(Home home) {
    LightDomain light = new LightDomain();
    home.services.register(ServiceDef.entity("light", "turn_on", light::turnOn)
        .field("transition", Field.number(0, 6553)).field("brightness", Field.integer(0, 255))
        .field("brightness_pct", Field.number(0, 100)).field("brightness_step", Field.integer(-255, 255))
        .field("brightness_step_pct", Field.number(-100, 100)).field("color_temp_kelvin", Field.integer(1000, 40000))
        .field("rgb_color", Field.rgb()).field("hs_color", Field.any()).field("color_name", Field.string())
        .field("effect", Field.string()).field("flash", Field.oneOf("short", "long")).field("white", Field.any())
        .field("profile", Field.string()));
    home.services.register(ServiceDef.entity("light", "turn_off", light::turnOff)
        .field("transition", Field.number(0, 6553)).field("flash", Field.oneOf("short", "long")));
    home.services.register(ServiceDef.entity("light", "toggle", (c, id) -> {
      if ("on".equals(c.state(id).state())) {
        light.turnOff(c, id);
      } else {
        light.turnOn(c, id);
      }
    }).field("transition", Field.number(0, 6553)).field("brightness", Field.integer(0, 255))
        .field("brightness_pct", Field.number(0, 100)).field("color_temp_kelvin", Field.integer(1000, 40000))
        .field("rgb_color", Field.rgb()));
  }

  private void turnOn(CallContext c, String id) {
    JsonObject a = c.attrs(id);
    boolean wasOn = "on".equals(c.state(id).state());
    if (!wasOn && lastOn.containsKey(id)) {
      a.mergeIn(lastOn.get(id));
    }
    JsonObject d = c.data;
    Integer brightness = a.getInteger("brightness");
    int base = brightness == null ? 255 : brightness;
    if (d.containsKey("brightness")) {
      brightness = d.getInteger("brightness");
    } else if (d.containsKey("brightness_pct")) {
      brightness = (int) Math.round(255 * d.getDouble("brightness_pct") / 100.0);
    } else if (d.containsKey("brightness_step")) {
      brightness = clamp(base + d.getInteger("brightness_step"), 0, 255);
    } else if (d.containsKey("brightness_step_pct")) {
      brightness = clamp(base + (int) Math.round(255 * d.getDouble("brightness_step_pct") / 100.0), 0, 255);
    }
    if (brightness != null && brightness == 0) {
      turnOff(c, id);
      return;
    }
    if (brightness != null) {
      a.put("brightness", brightness);
    }
    JsonArray modes = a.getJsonArray("supported_color_modes", new JsonArray());
    if (d.containsKey("color_temp_kelvin") && modes.contains("color_temp")) {
      int k = clamp(d.getInteger("color_temp_kelvin"), a.getInteger("min_color_temp_kelvin", 2000),
          a.getInteger("max_color_temp_kelvin", 6535));
      a.put("color_mode", "color_temp").put("color_temp_kelvin", k);
      clearColor(a);
    }
    int[] rgb = null;
    if (d.containsKey("rgb_color")) {
      JsonArray c3 = d.getJsonArray("rgb_color");
      rgb = new int[] {c3.getInteger(0), c3.getInteger(1), c3.getInteger(2)};
    } else if (d.containsKey("color_name")) {
      rgb = COLOR_NAMES.get(d.getString("color_name").toLowerCase());
      if (rgb == null) {
        throw ServiceError.invalid("Invalid color name @ data['color_name']");
      }
    } else if (d.getValue("hs_color") instanceof JsonArray hs && hs.size() == 2) {
      rgb = Colors.hsToRgb(hs.getDouble(0), hs.getDouble(1));
    }
    if (rgb != null && hasColor(modes)) {
      a.put("color_mode", modes.contains("rgb") ? "rgb" : modes.contains("hs") ? "hs" : "xy");
      Colors.putColor(a, rgb);
      if (modes.contains("color_temp")) {
        a.put("color_temp_kelvin", null);
      }
    }
    normalise(a, true);
    c.write(id, "on", a);
  }

  private void turnOff(CallContext c, String id) {
    JsonObject a = c.attrs(id);
    if ("on".equals(c.state(id).state())) {
      JsonObject keep = new JsonObject();
      for (String k : new String[] {"brightness", "color_mode", "color_temp_kelvin", "rgb_color", "hs_color",
          "xy_color"}) {
        if (a.getValue(k) != null) {
          keep.put(k, a.getValue(k));
        }
      }
      lastOn.put(id, keep);
    }
    normalise(a, false);
    c.write(id, "off", a);
  }

  /** Puts the attribute keys a light has for its colour modes; null values when off, as Home Assistant does. */
  static void normalise(JsonObject a, boolean on) {
    JsonArray modes = a.getJsonArray("supported_color_modes", new JsonArray().add("onoff"));
    boolean dimmable = modes.stream().anyMatch(m -> !"onoff".equals(m));
    boolean ct = modes.contains("color_temp");
    boolean color = hasColor(modes);
    if (ct) {
      DomainDefaults.putIfAbsent(a, "min_color_temp_kelvin", 2000);
      DomainDefaults.putIfAbsent(a, "max_color_temp_kelvin", 6535);
    }
    if (!on) {
      a.put("color_mode", null);
      if (dimmable) {
        a.put("brightness", null);
      }
      if (ct) {
        a.put("color_temp_kelvin", null);
      }
      if (color) {
        a.put("hs_color", null).put("rgb_color", null).put("xy_color", null);
      }
      return;
    }
    if (dimmable && a.getValue("brightness") == null) {
      a.put("brightness", 255);
    }
    String mode = a.getString("color_mode");
    if (mode == null || !modes.contains(mode)) {
      mode = ct ? "color_temp" : color ? (String) modes.getValue(0) : dimmable ? "brightness" : "onoff";
      if (!modes.contains(mode) && !"brightness".equals(mode) && !"onoff".equals(mode)) {
        mode = (String) modes.getValue(0);
      }
      a.put("color_mode", mode);
    }
    if (ct) {
      if ("color_temp".equals(mode) && a.getValue("color_temp_kelvin") == null) {
        a.put("color_temp_kelvin", 3000);
      }
      if (!"color_temp".equals(mode)) {
        a.put("color_temp_kelvin", null);
      }
    }
    if (color) {
      if ("color_temp".equals(mode)) {
        clearColor(a);
      } else if (a.getValue("rgb_color") == null) {
        Colors.putColor(a, new int[] {255, 255, 255});
      }
    }
  }

  private static void clearColor(JsonObject a) {
    if (a.containsKey("rgb_color")) {
      a.put("hs_color", null).put("rgb_color", null).put("xy_color", null);
    }
  }

  private static boolean hasColor(JsonArray modes) {
    return modes.contains("hs") || modes.contains("rgb") || modes.contains("xy") || modes.contains("rgbw")
        || modes.contains("rgbww");
  }

  private static int clamp(int v, int min, int max) {
    return Math.max(min, Math.min(max, v));
  }
}
