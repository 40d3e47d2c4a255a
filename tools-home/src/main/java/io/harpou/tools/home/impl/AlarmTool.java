package io.harpou.tools.home.impl;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.home.HomeEntity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** set_alarm: arms (home, away, night, vacation) or disarms an alarm panel, PROTECTED (a confirmation first). */
final class AlarmTool extends HomeTool {

  private static final Map<String, String> SERVICES = Map.of("armed_home", "alarm_arm_home", "armed_away",
      "alarm_arm_away", "armed_night", "alarm_arm_night", "armed_vacation", "alarm_arm_vacation", "disarmed",
      "alarm_disarm");

  AlarmTool(HomeAccess access) {
    super(access, new ToolSpec("set_alarm", "Arms or disarms an alarm panel. Needs the user's confirmation.",
        schema(), Risk.PROTECTED, false));
  }

  private static JsonObject schema() {
    JsonObject s = Schemas.targeted();
    Schemas.with(s, "mode", Schemas.choice("The mode to put it in", "armed_home", "armed_away", "armed_night",
        "armed_vacation", "disarmed"));
    Schemas.with(s, "code", Schemas.string("The panel's code, when it needs one"));
    return Schemas.required(s, "mode");
  }

  @Override
  Future<ToolResult> run(ToolRequest request) {
    String mode = request.requireString("mode");
    String service = SERVICES.get(mode);
    if (service == null) {
      throw new ToolArgumentsException("mode must be one of " + SERVICES.keySet());
    }
    List<HomeEntity> panels = request.targets(Set.of("alarm_control_panel"));
    String code = request.string("code");
    JsonObject data = code == null ? null : new JsonObject().put("code", code);
    String text = request.say("disarmed".equals(mode) ? "alarm_disarmed" : "alarm_armed",
        request.names(panels), Answers.state(mode, request.lang()));
    return request.call("alarm_control_panel", service, panels, data).map(r -> ToolResult.ok(text));
  }
}
