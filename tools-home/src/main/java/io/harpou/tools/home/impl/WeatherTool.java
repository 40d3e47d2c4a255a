package io.harpou.tools.home.impl;

import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.home.Target;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.home.HomeEntity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * get_weather: the weather now (the weather entity's state), or today's, tomorrow's or the coming days' forecast from
 * Home Assistant's {@code weather.get_forecasts}, in a sentence.
 */
final class WeatherTool extends HomeTool {

  WeatherTool(HomeAccess access) {
    super(access, new ToolSpec("get_weather", "The weather now, or the forecast for today, tomorrow or the week.",
        Schemas.with(Schemas.targeted(), "when", Schemas.choice("When", "now", "today", "tomorrow", "week")),
        Risk.READ, false));
  }

  @Override
  Future<ToolResult> run(ToolRequest request) {
    String when = request.string("when") == null ? "now" : request.string("when");
    List<HomeEntity> stations = request.args.getValue("entity_id") == null && request.string("name") == null
        ? request.home.index().ofDomain("weather") : request.targets(Set.of("weather"));
    if (stations.isEmpty()) {
      return Future.succeededFuture(ToolResult.error(request.say("no_weather")));
    }
    HomeEntity station = stations.get(0);
    JsonObject attrs = request.home.state(station.entityId()).map(st -> st.attributes()).orElse(new JsonObject());
    String unit = attrs.getString("temperature_unit", "°");
    if ("now".equals(when)) {
      String condition = request.home.state(station.entityId()).map(st -> st.state()).orElse("unknown");
      return Future.succeededFuture(ToolResult.ok(request.say("weather_now", condition(request, condition),
          number(request, attrs.getValue("temperature")), unit)));
    }
    ServiceCall call = new ServiceCall("weather", "get_forecasts", new JsonObject().put("type", "daily"),
        Target.entities(station.entityId()), true);
    return request.gateway().callService(call).map(result -> {
      JsonArray days = result.getJsonObject("response", result).getJsonObject(station.entityId(), new JsonObject())
          .getJsonArray("forecast", new JsonArray());
      int index = "tomorrow".equals(when) ? 1 : 0;
      if (days.size() <= index) {
        return ToolResult.error(request.say("no_forecast"));
      }
      if ("week".equals(when)) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(days.size(), 7); i++) {
          JsonObject day = days.getJsonObject(i);
          out.append(out.isEmpty() ? "" : " ").append(request.say("forecast_day", dayName(request, day, i),
              condition(request, day.getString("condition")), number(request, day.getValue("temperature")), unit));
        }
        return ToolResult.ok(out.toString());
      }
      JsonObject day = days.getJsonObject(index);
      return ToolResult.ok(request.say("tomorrow".equals(when) ? "forecast_tomorrow" : "forecast_today",
          condition(request, day.getString("condition")), number(request, day.getValue("temperature")), unit,
          number(request, day.getValue("templow")), number(request, day.getValue("precipitation_probability"))));
    });
  }

  private static String condition(ToolRequest request, String condition) {
    return Messages.weather(request.lang(), condition);
  }

  private static String number(ToolRequest request, Object value) {
    if (value == null) {
      return "?";
    }
    String text = value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        ? String.valueOf(n.longValue()) : String.valueOf(value);
    return Messages.french(request.lang()) ? text.replace('.', ',') : text;
  }

  private static String dayName(ToolRequest request, JsonObject day, int index) {
    if (index == 0) {
      return request.say("today");
    }
    if (index == 1) {
      return request.say("tomorrow");
    }
    java.time.OffsetDateTime at = java.time.OffsetDateTime.parse(day.getString("datetime"));
    return at.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL,
        Messages.french(request.lang()) ? java.util.Locale.FRENCH : java.util.Locale.ENGLISH);
  }
}
