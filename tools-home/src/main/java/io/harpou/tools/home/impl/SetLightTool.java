package io.harpou.tools.home.impl;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.home.HomeEntity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/** set_light: brightness, colour by name or RGB, colour temperature in kelvin, or a relative brightness step. */
final class SetLightTool extends HomeTool {

  SetLightTool(HomeAccess access) {
    super(access, new ToolSpec("set_light", "Sets a light's brightness (percent), colour (a colour name or RGB) "
        + "or colour temperature (kelvin), turning it on. Give entity_id or name and area.", schema(), Risk.ACT,
        false));
  }

  private static JsonObject schema() {
    JsonObject s = Schemas.targeted();
    Schemas.with(s, "brightness", Schemas.number("Brightness in percent, 0-100", 0, 100));
    Schemas.with(s, "brightness_step", Schemas.number("Relative brightness change in percent, -100..100", -100,
        100));
    Schemas.with(s, "color", Schemas.string("A colour name, e.g. red, warm white, bleu"));
    Schemas.with(s, "rgb", new JsonObject().put("type", "array").put("description", "RGB colour [r, g, b], 0-255")
        .put("items", new JsonObject().put("type", "integer").put("minimum", 0).put("maximum", 255))
        .put("minItems", 3).put("maxItems", 3));
    return Schemas.with(s, "color_temp_kelvin", Schemas.number("Colour temperature in kelvin", 1000, 12000));
  }

  @Override
  Future<ToolResult> run(ToolRequest request) {
    Double brightness = request.number("brightness", 0, 100);
    Double step = request.number("brightness_step", -100, 100);
    Double kelvin = request.number("color_temp_kelvin", 1000, 12000);
    String color = request.string("color");
    JsonArray rgb = rgb(request.args.getValue("rgb"));
    if (brightness == null && step == null && kelvin == null && color == null && rgb == null) {
      throw new ToolArgumentsException("give brightness, brightness_step, color, rgb or color_temp_kelvin");
    }
    if (color != null && rgb == null) {
      int[] c = request.access.vocabulary().color(color);
      if (c == null) {
        throw new ToolArgumentsException("unknown colour '" + color + "': give rgb instead");
      }
      rgb = new JsonArray().add(c[0]).add(c[1]).add(c[2]);
    }
    List<HomeEntity> lights = request.targets(Set.of("light"));
    JsonObject data = new JsonObject();
    if (brightness != null) {
      data.put("brightness_pct", (int) Math.round(brightness));
    }
    if (step != null) {
      data.put("brightness_step_pct", (int) Math.round(step));
    }
    if (rgb != null) {
      data.put("rgb_color", rgb);
    } else if (kelvin != null) {
      data.put("color_temp_kelvin", (int) Math.round(kelvin));
    }
    String names = request.names(lights);
    String text = rgb != null ? request.say("color", names, color != null ? color : rgb.encode())
        : kelvin != null ? request.say("color_temp", names, ToolRequest.fmt(Math.round(kelvin)))
        : brightness != null ? request.say("brightness", names, ToolRequest.fmt(Math.round(brightness)))
        : request.say(step > 0 ? "brighter" : "dimmer", names);
    return request.call("light", "turn_on", lights, data).map(r -> ToolResult.ok(text));
  }

  private static JsonArray rgb(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonArray a) || a.size() != 3) {
      throw new ToolArgumentsException("rgb must be an array of three integers 0-255");
    }
    JsonArray out = new JsonArray();
    for (Object o : a) {
      if (!(o instanceof Number n) || n.intValue() < 0 || n.intValue() > 255) {
        throw new ToolArgumentsException("rgb must be an array of three integers 0-255");
      }
      out.add(n.intValue());
    }
    return out;
  }
}
