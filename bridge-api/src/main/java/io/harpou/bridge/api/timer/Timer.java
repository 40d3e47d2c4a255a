package io.harpou.bridge.api.timer;

import io.harpou.bridge.api.Json;
import io.harpou.bridge.api.agent.Utterance;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * A snapshot of one voice timer.
 *
 * @param id a ULID
 * @param name the name it was given ("pasta"), or null
 * @param length its length as it was said when started
 * @param seconds the seconds it counts down from since it started or last changed (paused, resumed, lengthened)
 * @param secondsLeft what is left, in seconds, when the snapshot was taken
 * @param active true while it counts down; false when paused or ended
 * @param command a sentence to run when it ends ("turn off the oven"), or null for a plain timer
 * @param origin the request that started it: its room, satellite, language and who asked
 */
public record Timer(String id, String name, TimerLength length, long seconds, long secondsLeft, boolean active,
                    String command, Utterance origin) {

  /** Validates the id, length and origin. */
  public Timer {
    Json.requireText(id, "timer id");
    Objects.requireNonNull(length, "length");
    Objects.requireNonNull(origin, "origin");
    name = name == null || name.isBlank() ? null : name;
  }

  /** The room it was set in (area id or name), or null. */
  public String room() {
    return origin.room();
  }

  /** The satellite that set it, or null. */
  public String satellite() {
    return origin.satellite();
  }

  /** The language it was set in. */
  public String language() {
    return origin.language();
  }

  /** The JSON form; absent optionals are left out. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id).put("length", length.toJson()).put("seconds", seconds)
        .put("seconds_left", secondsLeft).put("active", active).put("origin", origin.toJson());
    Json.putIfPresent(json, "name", name);
    return Json.putIfPresent(json, "command", command);
  }

  /** Reads the JSON form; unknown keys are ignored. */
  public static Timer fromJson(JsonObject json) {
    return new Timer(json.getString("id"), json.getString("name"), TimerLength.fromJson(json.getJsonObject("length")),
        json.getLong("seconds", 0L), json.getLong("seconds_left", 0L), json.getBoolean("active", false),
        json.getString("command"), Utterance.fromJson(json.getJsonObject("origin")));
  }
}
