package io.harpou.bridge.api.plan;

import io.harpou.bridge.api.Json;
import io.harpou.bridge.api.event.PlanUpdated;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * A plan as last recorded.
 *
 * @param id the plan
 * @param turnId the turn that asked for it
 * @param conversationId the conversation
 * @param user who asked (the API key's name or the speaker), or null when unknown
 * @param request what was asked
 * @param status {@code proposed}, {@code running}, {@code replanned}, {@code done}, {@code stopped}, or
 *     {@code interrupted} when the hub stopped while it ran
 * @param steps the steps in order, each with its state
 * @param createdAt when it was proposed
 * @param updatedAt when it last changed
 */
public record Plan(String id, String turnId, String conversationId, String user, String request, String status,
                   List<PlanUpdated.Step> steps, Instant createdAt, Instant updatedAt) {

  /** Copies the steps. */
  public Plan {
    steps = steps == null ? List.of() : List.copyOf(steps);
  }

  /** The JSON form. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id).put("turn_id", turnId).put("conversation_id", conversationId)
        .put("request", request).put("status", status).put("steps", Json.array(steps, PlanUpdated.Step::toJson))
        .put("created_at", createdAt.toString()).put("updated_at", updatedAt.toString());
    return Json.putIfPresent(json, "user", user);
  }
}
