package io.harpou.tools.home.impl;

import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.tools.home.HomeEntity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** set_climate's relative change ("two degrees warmer", each thermostat from its own target) and presets. */
final class ClimateSteps {

  private ClimateSteps() {
  }

  static Future<ToolResult> run(ToolRequest request, Double step, String preset) {
    List<HomeEntity> targets = request.targets(Set.of("climate"));
    String names = request.names(targets);
    if (preset != null) {
      return request.call("climate", "set_preset_mode", targets, new JsonObject().put("preset_mode", preset))
          .map(r -> ToolResult.ok(request.say("climate_preset", names, preset)));
    }
    List<Future<JsonObject>> calls = new ArrayList<>();
    double last = 0;
    for (HomeEntity e : targets) {
      JsonObject attrs = request.home.state(e.entityId()).map(st -> st.attributes()).orElse(new JsonObject());
      double from = attrs.getDouble("temperature", attrs.getDouble("current_temperature", 20.0));
      double to = Math.max(attrs.getDouble("min_temp", 7.0), Math.min(attrs.getDouble("max_temp", 35.0),
          from + step));
      last = to;
      calls.add(request.call("climate", "set_temperature", List.of(e), new JsonObject().put("temperature", to)));
    }
    String t = ToolRequest.fmt(last);
    return Future.all(calls).map(done -> ToolResult.ok(request.say("climate_temp", names, t)));
  }
}
