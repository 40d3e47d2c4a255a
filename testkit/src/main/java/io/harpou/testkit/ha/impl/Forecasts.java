package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A weather entity's forecasts, dated from the moment the house loads: the house file lists the entries of each type
 * in order, and the first daily entry is today, the first hourly entry the current hour, as a weather integration
 * would report them.
 */
final class Forecasts {

  private Forecasts() {
  }

  /** The entries of {@code forecast} with a {@code datetime} each, in the house's time zone. */
  static JsonObject dated(JsonObject forecast, String timeZone) {
    ZonedDateTime now = ZonedDateTime.now(ZoneId.of(timeZone));
    JsonObject out = new JsonObject();
    for (String type : forecast.fieldNames()) {
      JsonArray entries = forecast.getJsonArray(type);
      JsonArray dated = new JsonArray();
      ZonedDateTime start = switch (type) {
        case "hourly" -> now.truncatedTo(ChronoUnit.HOURS);
        case "twice_daily" -> now.truncatedTo(ChronoUnit.DAYS).withHour(now.getHour() < 12 ? 6 : 18);
        default -> now.truncatedTo(ChronoUnit.DAYS).withHour(12);
      };
      long step = "hourly".equals(type) ? 1 : "twice_daily".equals(type) ? 12 : 24;
      for (int i = 0; i < entries.size(); i++) {
        dated.add(entries.getJsonObject(i).copy().put("datetime",
            start.plusHours(step * i).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
      }
      out.put(type, dated);
    }
    return out;
  }
}
