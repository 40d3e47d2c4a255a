package io.harpou.bridge.api.agent;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One conversation in a list.
 *
 * @param id the conversation id
 * @param title what was first said in it
 * @param channel the channel of its latest turn ({@code satellite}, {@code http}, ...), or null when not recorded
 * @param room the room of its latest turn, or null
 * @param turns how many turns it holds
 * @param updatedAt when its latest turn ended
 */
public record ConversationSummary(String id, String title, String channel, String room, int turns,
                                  Instant updatedAt) {

  /** The JSON form. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id).put("title", title).put("turns", turns)
        .put("updated_at", updatedAt.toString());
    Json.putIfPresent(json, "channel", channel);
    return Json.putIfPresent(json, "room", room);
  }
}
