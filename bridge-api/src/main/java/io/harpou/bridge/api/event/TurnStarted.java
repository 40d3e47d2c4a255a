package io.harpou.bridge.api.event;

import io.harpou.bridge.api.agent.Utterance;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The agent started a turn on an utterance.
 *
 * @param time when
 * @param turnId the turn's id, shared by every event of the turn
 * @param utterance what was said
 */
public record TurnStarted(Instant time, String turnId, Utterance utterance) implements BridgeEvent {

  public static final String KIND = "turn_started";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String conversationId() {
    return utterance.conversationId();
  }

  @Override
  public JsonObject body() {
    return new JsonObject().put("turn_id", turnId).put("conversation_id", conversationId())
        .put("utterance", utterance.toJson());
  }

  static TurnStarted read(Instant time, JsonObject json) {
    return new TurnStarted(time, json.getString("turn_id"), Utterance.fromJson(json.getJsonObject("utterance")));
  }
}
