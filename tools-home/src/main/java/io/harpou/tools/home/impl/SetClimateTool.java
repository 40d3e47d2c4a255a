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

/** set_climate: target temperature and/or HVAC mode of thermostats. */
final class SetClimateTool extends HomeTool {

  private static final Set<String> MODES = Set.of("off", "heat", "cool", "heat_cool", "auto", "dry", "fan_only");

  SetClimateTool(HomeAccess access) {
    super(access, new ToolSpec("set_climate", "Sets a thermostat's target temperature and/or HVAC mode (off, heat, "
        + "cool, heat_cool, auto, dry, fan_only). Give entity_id or name and area.", schema(), Risk.ACT, false));
  }

  private static JsonObject schema() {
    JsonObject s = Schemas.targeted();
    Schemas.with(s, "temperature", Schemas.number("Target temperature in the home's unit", -50, 100));
    Schemas.with(s, "temperature_step", Schemas.number("Degrees to add to (or, negative, take off) each target",
        -10, 10));
    Schemas.with(s, "preset_mode", Schemas.string("A preset the thermostat offers, e.g. eco"));
    return Schemas.with(s, "hvac_mode", Schemas.choice("HVAC mode", "off", "heat", "cool", "heat_cool", "auto",
        "dry", "fan_only"));
  }

  @Override
  Future<ToolResult> run(ToolRequest request) {
    Double temperature = request.number("temperature", -50, 100);
    Double step = request.number("temperature_step", -10, 10);
    String preset = request.string("preset_mode");
    String modeArg = request.string("hvac_mode");
    if (temperature == null && modeArg == null && step == null && preset == null) {
      throw new ToolArgumentsException("give temperature, temperature_step, hvac_mode or preset_mode");
    }
    if (step != null || preset != null) {
      return ClimateSteps.run(request, step, preset);
    }
    String mode = modeArg == null ? null : MODES.contains(modeArg) ? modeArg
        : request.access.vocabulary().hvacMode(modeArg);
    if (modeArg != null && mode == null) {
      throw new ToolArgumentsException("unknown hvac_mode '" + modeArg + "'");
    }
    List<HomeEntity> targets = request.targets(Set.of("climate"));
    if (temperature != null) {
      for (HomeEntity e : targets) {
        JsonObject attrs = request.home.state(e.entityId()).map(st -> st.attributes()).orElse(new JsonObject());
        double min = attrs.getDouble("min_temp", 7.0);
        double max = attrs.getDouble("max_temp", 35.0);
        if (temperature < min || temperature > max) {
          return Future.succeededFuture(ToolResult.error(e.displayName(request.lang()) + ": temperature must be "
              + "between " + ToolRequest.fmt(min) + " and " + ToolRequest.fmt(max)));
        }
      }
    }
    String names = request.names(targets);
    if (temperature == null) {
      return request.call("climate", "set_hvac_mode", targets, new JsonObject().put("hvac_mode", mode))
          .map(r -> ToolResult.ok(request.say("climate_mode", names, mode)));
    }
    JsonObject data = new JsonObject().put("temperature", temperature);
    if (mode != null) {
      data.put("hvac_mode", mode);
    }
    String t = ToolRequest.fmt(temperature);
    String text = mode == null ? request.say("climate_temp", names, t) : request.say("climate_both", names, t, mode);
    return request.call("climate", "set_temperature", targets, data).map(r -> ToolResult.ok(text));
  }
}
