package io.harpou.bridge.api.event;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * The model a turn goes to, and why: the router's choice at the start of the turn, or a fallback when the chosen
 * model failed or its budget is spent. The console's debug view shows it among the turn's steps.
 *
 * @param time when
 * @param turnId the turn
 * @param conversationId the conversation
 * @param model the configured name of the model chosen
 * @param reason why, in a few words ("household command", "fallback: fast failed: HTTP 500")
 * @param chain the models the turn may fall back to, in order, the chosen one first
 */
public record ModelChosen(Instant time, String turnId, String conversationId, String model, String reason,
                          List<String> chain) implements BridgeEvent {

  public static final String KIND = "model_chosen";

  /** Copies the chain. */
  public ModelChosen {
    chain = chain == null ? List.of() : List.copyOf(chain);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public JsonObject body() {
    return new JsonObject().put("turn_id", turnId).put("conversation_id", conversationId).put("model", model)
        .put("reason", reason).put("chain", Json.array(chain, name -> name));
  }

  static ModelChosen read(Instant time, JsonObject json) {
    return new ModelChosen(time, json.getString("turn_id"), json.getString("conversation_id"),
        json.getString("model"), json.getString("reason"), Json.strings(json, "chain"));
  }
}
