package io.harpou.bridge.api.event;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One call to a language model, as the usage ledger records it: tokens, cost and latency, or a cache hit that cost
 * nothing. Metrics count these.
 *
 * @param time when the call ended
 * @param turnId the turn
 * @param conversationId the conversation
 * @param model the configured name of the model
 * @param outcome {@code ok}, {@code failed} or {@code cache_hit}
 * @param inputTokens prompt tokens (as the server counted them, else as measured before sending)
 * @param outputTokens generated tokens
 * @param cost what the call cost, in the unit the model's prices are given in
 * @param latencyMillis how long the call took
 */
public record ModelCalled(Instant time, String turnId, String conversationId, String model, String outcome,
                          int inputTokens, int outputTokens, double cost, long latencyMillis) implements BridgeEvent {

  public static final String KIND = "model_call";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public JsonObject body() {
    return new JsonObject().put("turn_id", turnId).put("conversation_id", conversationId).put("model", model)
        .put("outcome", outcome).put("input_tokens", inputTokens).put("output_tokens", outputTokens)
        .put("cost", cost).put("latency_ms", latencyMillis);
  }

  static ModelCalled read(Instant time, JsonObject json) {
    return new ModelCalled(time, json.getString("turn_id"), json.getString("conversation_id"),
        json.getString("model"), json.getString("outcome"), json.getInteger("input_tokens", 0),
        json.getInteger("output_tokens", 0), json.getDouble("cost", 0.0), json.getLong("latency_ms", 0L));
  }
}
