package io.harpou.bridge.api.voice;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;

/**
 * A sentence to speak in a room, unprompted (a timer, a finished task).
 *
 * @param room the room (area id or name)
 * @param text what to say
 * @param language its language
 */
public record Announcement(String room, String text, String language) {

  /** Validates the room and text, and defaults the language to English. */
  public Announcement {
    Json.requireText(room, "announcement room");
    Json.requireText(text, "announcement text");
    language = language == null ? "en" : language;
  }

  /** The JSON form. */
  public JsonObject toJson() {
    return new JsonObject().put("room", room).put("text", text).put("language", language);
  }

  /** Reads the JSON form. */
  public static Announcement fromJson(JsonObject json) {
    return new Announcement(json.getString("room"), json.getString("text"), json.getString("language"));
  }
}
