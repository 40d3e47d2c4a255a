package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * alarm_control_panel (arm home, away, night, vacation, disarm, trigger; a code is checked when the panel has one)
 * and weather ({@code get_forecasts}, which only answers with a response, for the forecast types the entity
 * supports).
 */
final class AlarmWeatherDomains {

  /** WeatherEntityFeature: FORECAST_DAILY, FORECAST_HOURLY, FORECAST_TWICE_DAILY. */
  private static final String[] FORECAST_TYPES = {"daily", "hourly", "twice_daily"};

  private AlarmWeatherDomains() {
  }

  static void register(Home home) {
    ServiceRegistry s = home.services;
    String[][] modes = {{"alarm_disarm", "disarmed"}, {"alarm_arm_home", "armed_home"},
        {"alarm_arm_away", "armed_away"}, {"alarm_arm_night", "armed_night"},
        {"alarm_arm_vacation", "armed_vacation"}, {"alarm_trigger", "triggered"}};
    for (String[] mode : modes) {
      s.register(ServiceDef.entity("alarm_control_panel", mode[0], (c, id) -> {
        JsonObject a = c.attrs(id);
        String code = home.house.alarmCodes.get(id);
        boolean needed = "alarm_disarm".equals(mode[0]) || a.getBoolean("code_arm_required", false);
        if (code != null && needed && !code.equals(c.data.getString("code"))) {
          throw new ServiceError("service_validation_error", "Invalid alarm code provided", "alarm_control_panel",
              "invalid_code", null);
        }
        c.write(id, mode[1], a.put("changed_by", null));
      }).field("code", Field.string()));
    }
    s.register(ServiceDef.entity("weather", "get_forecasts", (c, id) -> {
      String type = c.data.getString("type");
      int bit = java.util.List.of(FORECAST_TYPES).indexOf(type);
      if ((c.attrs(id).getInteger("supported_features", 0) & (1 << bit)) == 0) {
        throw new ServiceError("home_assistant_error", "Weather entity '" + c.name(id) + "' does not support '"
            + type + "' forecast", "weather", "forecast_not_supported", null);
      }
      JsonArray entries = home.house.forecasts.getOrDefault(id, new JsonObject()).getJsonArray(type,
          new JsonArray());
      c.response.put(id, new JsonObject().put("forecast", entries.copy()));
    }).field("type", Field.oneOf(FORECAST_TYPES).req()).response(ServiceDef.Response.ONLY));
  }
}
