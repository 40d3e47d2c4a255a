package io.harpou.bridge.api.event;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Tokens one model call used.
 *
 * @param time when
 * @param turnId the turn
 * @param conversationId the conversation
 * @param inputTokens prompt tokens
 * @param outputTokens generated tokens
 */
public record TokenUsage(Instant time, String turnId, String conversationId, int inputTokens, int outputTokens)
    implements BridgeEvent {

  public static final String KIND = "token_usage";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public JsonObject body() {
    return new JsonObject().put("turn_id", turnId).put("conversation_id", conversationId)
        .put("input_tokens", inputTokens).put("output_tokens", outputTokens);
  }

  static TokenUsage read(Instant time, JsonObject json) {
    return new TokenUsage(time, json.getString("turn_id"), json.getString("conversation_id"),
        json.getInteger("input_tokens", 0), json.getInteger("output_tokens", 0));
  }
}
