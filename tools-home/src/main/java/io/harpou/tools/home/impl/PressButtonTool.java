package io.harpou.tools.home.impl;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.home.HomeEntity;
import io.vertx.core.Future;
import java.util.List;
import java.util.Set;

/** press_button: presses a button entity, such as a pet feeder's "feed now". */
final class PressButtonTool extends HomeTool {

  PressButtonTool(HomeAccess access) {
    super(access, new ToolSpec("press_button", "Presses a button entity (for example a pet feeder's manual feed).",
        Schemas.targeted(), Risk.ACT, false));
  }

  @Override
  Future<ToolResult> run(ToolRequest request) {
    List<HomeEntity> buttons = request.targets(Set.of("button"));
    String text = request.say("pressed", request.names(buttons));
    return request.call("button", "press", buttons, null).map(r -> ToolResult.ok(text));
  }
}
