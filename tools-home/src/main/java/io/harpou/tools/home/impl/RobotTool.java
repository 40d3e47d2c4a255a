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

/** robot: vacuums and lawn mowers start, pause, stop or go back to base; a vacuum may clean given areas. */
final class RobotTool extends HomeTool {

  RobotTool(HomeAccess access) {
    super(access, new ToolSpec("robot", "Controls a robot vacuum or lawn mower: start, pause, stop, return (to its "
        + "base or dock), or clean_area (vacuums that clean by area; give area_id, Home Assistant area ids).",
        schema(), Risk.ACT, false));
  }

  private static JsonObject schema() {
    JsonObject s = Schemas.targeted();
    Schemas.with(s, "action", Schemas.choice("What to do", "start", "pause", "stop", "return", "clean_area"));
    Schemas.with(s, "area_id", new JsonObject().put("type", "array").put("description", "Areas to clean")
        .put("items", new JsonObject().put("type", "string")));
    return Schemas.required(s, "action");
  }

  @Override
  Future<ToolResult> run(ToolRequest request) {
    String action = request.requireString("action");
    List<HomeEntity> robots = request.targets(Set.of("vacuum", "lawn_mower"));
    String domain = robots.get(0).domain();
    if (robots.stream().anyMatch(r -> !r.domain().equals(domain))) {
      throw new ToolArgumentsException("vacuums and lawn mowers are told apart");
    }
    boolean mower = domain.equals("lawn_mower");
    String names = request.names(robots);
    JsonObject data = null;
    String service = switch (action) {
      case "start" -> mower ? "start_mowing" : "start";
      case "pause" -> "pause";
      case "stop" -> mower ? "pause" : "stop";
      case "return" -> mower ? "dock" : "return_to_base";
      case "clean_area" -> {
        if (mower) {
          throw new ToolArgumentsException("only vacuums clean areas");
        }
        data = new JsonObject().put("cleaning_area_id", areas(request));
        yield "clean_area";
      }
      default -> throw new ToolArgumentsException("action must be start, pause, stop, return or clean_area");
    };
    String text = request.say("robot_" + action, names, "clean_area".equals(action)
        ? areaNames(request, data.getJsonArray("cleaning_area_id")) : "");
    return request.call(domain, service, robots, data).map(r -> ToolResult.ok(text));
  }

  private static JsonArray areas(ToolRequest request) {
    Object value = request.args.getValue("area_id");
    if (!(value instanceof JsonArray list) || list.isEmpty()) {
      throw new ToolArgumentsException("area_id is required for clean_area");
    }
    JsonArray out = new JsonArray();
    for (Object o : list) {
      String id = request.home.area(String.valueOf(o)).map(a -> a.areaId())
          .orElseThrow(() -> new TargetException(request.say("unknown", o)));
      out.add(id);
    }
    return out;
  }

  private static String areaNames(ToolRequest request, JsonArray ids) {
    return Messages.and(request.lang(), ids.stream().map(id -> request.home.area(String.valueOf(id))
        .map(a -> Messages.french(request.lang()) && !a.aliases().isEmpty()
            ? French.withArticle(a.aliases().get(0)) : "the " + a.name().toLowerCase(java.util.Locale.ROOT))
        .orElse(String.valueOf(id))).toList());
  }
}
