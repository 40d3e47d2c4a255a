package io.harpou.bridge.api.agent;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One stored turn of a conversation.
 *
 * @param time when the turn ended
 * @param channel where it was said, or null when not recorded
 * @param room the room it was said in, or null
 * @param text what was said
 * @param answer what the agent answered
 */
public record ConversationTurn(Instant time, String channel, String room, String text, String answer) {

  /** The JSON form. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("time", time.toString()).put("text", text).put("answer", answer);
    Json.putIfPresent(json, "channel", channel);
    return Json.putIfPresent(json, "room", room);
  }
}
