package io.harpou.bridge.api.event;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Speech was transcribed.
 *
 * @param time when
 * @param conversationId the conversation, or null
 * @param satellite the satellite that heard it, or null
 * @param room the room, or null
 * @param text the transcript
 */
public record TranscriptReceived(Instant time, String conversationId, String satellite, String room, String text)
    implements BridgeEvent {

  public static final String KIND = "transcript";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public JsonObject body() {
    JsonObject json = new JsonObject().put("text", text);
    Json.putIfPresent(json, "conversation_id", conversationId);
    Json.putIfPresent(json, "satellite", satellite);
    return Json.putIfPresent(json, "room", room);
  }

  static TranscriptReceived read(Instant time, JsonObject json) {
    return new TranscriptReceived(time, json.getString("conversation_id"), json.getString("satellite"),
        json.getString("room"), json.getString("text"));
  }
}
