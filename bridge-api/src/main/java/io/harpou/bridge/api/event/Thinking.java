package io.harpou.bridge.api.event;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Text the model streamed while it worked: part of the answer, or its reasoning.
 *
 * @param time when
 * @param turnId the turn
 * @param conversationId the conversation
 * @param text the streamed fragment
 * @param reasoning true for the model's reasoning, false for answer text
 */
public record Thinking(Instant time, String turnId, String conversationId, String text, boolean reasoning)
    implements BridgeEvent {

  public static final String KIND = "thinking";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public JsonObject body() {
    return new JsonObject().put("turn_id", turnId).put("conversation_id", conversationId).put("text", text)
        .put("reasoning", reasoning);
  }

  static Thinking read(Instant time, JsonObject json) {
    return new Thinking(time, json.getString("turn_id"), json.getString("conversation_id"), json.getString("text"),
        json.getBoolean("reasoning", false));
  }
}
