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

/**
 * set_cover (blinds, shutters, curtains) and set_garage_door (garage doors and gates, PROTECTED): open, close, stop
 * or move to a position.
 */
final class SetCoverTool extends HomeTool {

  SetCoverTool(HomeAccess access, boolean garage) {
    super(access, garage
        ? new ToolSpec("set_garage_door", "Opens, closes or stops a garage door or gate. Needs the user's "
            + "confirmation.", schema(), Risk.PROTECTED, false)
        : new ToolSpec("set_cover", "Opens, closes, stops or positions blinds, shutters, curtains and other covers "
            + "(not garage doors). Position is 0 (closed) to 100 (open).", schema(), Risk.ACT, false));
  }

  private static JsonObject schema() {
    JsonObject s = Schemas.targeted();
    Schemas.with(s, "action", Schemas.choice("What to do", "open", "close", "stop", "position"));
    Schemas.with(s, "position", Schemas.number("Position in percent for action 'position'", 0, 100));
    return Schemas.required(s, "action");
  }

  @Override
  Future<ToolResult> run(ToolRequest request) {
    String action = request.requireString("action");
    Double position = request.number("position", 0, 100);
    List<HomeEntity> covers = request.targets(Set.of("cover"));
    String names = request.names(covers);
    return switch (action) {
      case "open" -> request.call("cover", "open_cover", covers, null)
          .map(r -> ToolResult.ok(request.say("opened", names)));
      case "close" -> request.call("cover", "close_cover", covers, null)
          .map(r -> ToolResult.ok(request.say("closed", names)));
      case "stop" -> request.call("cover", "stop_cover", covers, null)
          .map(r -> ToolResult.ok(request.say("stopped", names)));
      case "position" -> {
        if (position == null) {
          throw new ToolArgumentsException("position is required for action 'position'");
        }
        int p = (int) Math.round(position);
        yield request.call("cover", "set_cover_position", covers, new JsonObject().put("position", p))
            .map(r -> ToolResult.ok(request.say("position", names, p)));
      }
      default -> throw new ToolArgumentsException("action must be open, close, stop or position");
    };
  }
}
