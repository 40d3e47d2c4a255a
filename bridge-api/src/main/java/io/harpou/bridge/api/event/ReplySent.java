package io.harpou.bridge.api.event;

import io.harpou.bridge.api.agent.Reply;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The agent answered.
 *
 * @param time when
 * @param turnId the turn
 * @param reply the answer
 */
public record ReplySent(Instant time, String turnId, Reply reply) implements BridgeEvent {

  public static final String KIND = "reply";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String conversationId() {
    return reply.conversationId();
  }

  @Override
  public JsonObject body() {
    return new JsonObject().put("turn_id", turnId).put("conversation_id", conversationId())
        .put("reply", reply.toJson());
  }

  static ReplySent read(Instant time, JsonObject json) {
    return new ReplySent(time, json.getString("turn_id"), Reply.fromJson(json.getJsonObject("reply")));
  }
}
