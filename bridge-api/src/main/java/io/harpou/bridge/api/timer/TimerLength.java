package io.harpou.bridge.api.timer;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;

/**
 * A length as it was said: hours, minutes and seconds, each null when not said ("ten minutes" has no hours). Home
 * Assistant keeps these to tell timers apart ("cancel the ten minute timer").
 *
 * @param hours the hours said, or null
 * @param minutes the minutes said, or null
 * @param seconds the seconds said, or null
 */
public record TimerLength(Integer hours, Integer minutes, Integer seconds) {

  /** Rejects negative parts and a length with no part at all. */
  public TimerLength {
    if (hours == null && minutes == null && seconds == null) {
      throw new IllegalArgumentException("a timer length needs hours, minutes or seconds");
    }
    for (Integer part : new Integer[] {hours, minutes, seconds}) {
      if (part != null && part < 0) {
        throw new IllegalArgumentException("a timer length cannot be negative");
      }
    }
  }

  /** The length in seconds. */
  public long totalSeconds() {
    return 3600L * (hours == null ? 0 : hours) + 60L * (minutes == null ? 0 : minutes)
        + (seconds == null ? 0 : seconds);
  }

  /** The JSON form: {@code hours}, {@code minutes}, {@code seconds}, each left out when not said. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    Json.putIfPresent(json, "hours", hours);
    Json.putIfPresent(json, "minutes", minutes);
    return Json.putIfPresent(json, "seconds", seconds);
  }

  /** Reads the JSON form; unknown keys are ignored. */
  public static TimerLength fromJson(JsonObject json) {
    return new TimerLength(json.getInteger("hours"), json.getInteger("minutes"), json.getInteger("seconds"));
  }
}
