package io.harpou.bridge.api.event;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * A plan for a request that needs several steps, as it stands: proposed, each step's progress, re-planned after a
 * failed step, finished or stopped. Published whenever it changes, so the console and API clients follow it.
 *
 * @param time when
 * @param planId the plan
 * @param turnId the turn that asked for it
 * @param conversationId the conversation
 * @param user who asked (the API key's name or the speaker), or null when unknown; an API key's event stream carries
 *     only that key's plans
 * @param request what was asked
 * @param status {@code proposed}, {@code running}, {@code replanned}, {@code done} or {@code stopped}
 * @param steps the steps in order
 */
public record PlanUpdated(Instant time, String planId, String turnId, String conversationId, String user,
                          String request, String status, List<Step> steps) implements BridgeEvent {

  public static final String KIND = "plan_updated";

  /**
   * One step.
   *
   * @param text what the step does
   * @param status {@code pending}, {@code running}, {@code done}, {@code failed} or {@code skipped}; in a stored
   *     plan also {@code interrupted}, the step the hub stopped during
   * @param result what the step's turn answered, or null before it ran
   */
  public record Step(String text, String status, String result) {

    /** The JSON form. */
    public JsonObject toJson() {
      return Json.putIfPresent(new JsonObject().put("text", text).put("status", status), "result", result);
    }

    /** Reads the JSON form. */
    public static Step fromJson(JsonObject json) {
      return new Step(json.getString("text"), json.getString("status"), json.getString("result"));
    }
  }

  /** Copies the steps. */
  public PlanUpdated {
    steps = steps == null ? List.of() : List.copyOf(steps);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public JsonObject body() {
    JsonObject body = new JsonObject().put("plan_id", planId).put("turn_id", turnId)
        .put("conversation_id", conversationId).put("request", request).put("status", status)
        .put("steps", Json.array(steps, Step::toJson));
    return Json.putIfPresent(body, "user", user);
  }

  static PlanUpdated read(Instant time, JsonObject json) {
    return new PlanUpdated(time, json.getString("plan_id"), json.getString("turn_id"),
        json.getString("conversation_id"), json.getString("user"), json.getString("request"), json.getString("status"),
        Json.objects(json, "steps", Step::fromJson));
  }
}
