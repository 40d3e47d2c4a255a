package io.harpou.tools.home.impl;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.home.HomeEntity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/** set_fan: a fan's speed in percent, one step faster or slower, or one of its presets. */
final class SetFanTool extends HomeTool {

  SetFanTool(HomeAccess access) {
    super(access, new ToolSpec("set_fan", "Sets a fan's speed (percentage 0-100), makes it faster or slower "
        + "(step 1 or -1), or sets one of its preset modes.", schema(), Risk.ACT, false));
  }

  private static JsonObject schema() {
    JsonObject s = Schemas.targeted();
    Schemas.with(s, "percentage", Schemas.number("Speed in percent", 0, 100));
    Schemas.with(s, "step", Schemas.number("1 for faster, -1 for slower", -1, 1));
    return Schemas.with(s, "preset_mode", Schemas.string("A preset the fan offers, e.g. sleep"));
  }

  @Override
  Future<ToolResult> run(ToolRequest request) {
    Double percentage = request.number("percentage", 0, 100);
    Double step = request.number("step", -1, 1);
    String preset = request.string("preset_mode");
    if (percentage == null && step == null && preset == null) {
      throw new ToolArgumentsException("give percentage, step or preset_mode");
    }
    List<HomeEntity> fans = request.targets(Set.of("fan"));
    String names = request.names(fans);
    if (preset != null) {
      return request.call("fan", "set_preset_mode", fans, new JsonObject().put("preset_mode", preset))
          .map(r -> ToolResult.ok(request.say("fan_preset", names, preset)));
    }
    if (step != null) {
      boolean faster = step > 0;
      return request.call("fan", faster ? "increase_speed" : "decrease_speed", fans, null)
          .map(r -> ToolResult.ok(request.say(faster ? "fan_faster" : "fan_slower", names)));
    }
    int pct = (int) Math.round(percentage);
    return request.call("fan", "set_percentage", fans, new JsonObject().put("percentage", pct))
        .map(r -> ToolResult.ok(request.say("fan_speed", names, pct)));
  }
}
