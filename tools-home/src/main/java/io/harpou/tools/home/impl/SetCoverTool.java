package io.harpou.tools.home.impl;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.home.HomeEntity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
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
        : new ToolSpec("set_cover", "Opens, closes, stops or positions blinds, shutters, curtains, windows and other "
            + "covers (not garage doors), and water valves. Position is 0 (closed) to 100 (open).", schema(), Risk.ACT,
            false));
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
    if ("position".equals(action) && position == null) {
      throw new ToolArgumentsException("position is required for action 'position'");
    }
    if (!Set.of("open", "close", "stop", "position").contains(action)) {
      throw new ToolArgumentsException("action must be open, close, stop or position");
    }
    List<HomeEntity> targets = request.targets(Set.of("cover", "valve"));
    String names = request.names(targets);
    List<Future<JsonObject>> calls = new ArrayList<>();
    for (String domain : List.of("cover", "valve")) {
      List<HomeEntity> group = targets.stream().filter(e -> e.domain().equals(domain)).toList();
      if (group.isEmpty()) {
        continue;
      }
      JsonObject data = "position".equals(action)
          ? new JsonObject().put("position", (int) Math.round(position)) : null;
      String service = switch (action) {
        case "open" -> "open_" + domain;
        case "close" -> "close_" + domain;
        case "stop" -> "stop_" + domain;
        default -> "set_" + domain + "_position";
      };
      calls.add(request.call(domain, service, group, data));
    }
    String text = switch (action) {
      case "open" -> request.say("opened", names);
      case "close" -> request.say("closed", names);
      case "stop" -> request.say("stopped", names);
      default -> request.say("position", names, (int) Math.round(position));
    };
    return Future.all(calls).map(done -> ToolResult.ok(text));
  }
}
