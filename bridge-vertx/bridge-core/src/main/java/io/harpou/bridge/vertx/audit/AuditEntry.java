package io.harpou.bridge.vertx.audit;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One tool execution as the audit log keeps it.
 *
 * @param time when the call was decided (refused, run or queued)
 * @param conversationId the conversation, or null
 * @param channel the channel that asked ({@code satellite}, {@code http}, ...)
 * @param room the speaker's room, or null
 * @param user who asked, or null
 * @param tool the tool's name
 * @param arguments the call's arguments
 * @param risk the risk level the policy applied ({@code read}, {@code act}, {@code protected}, {@code dangerous})
 * @param outcome {@code ok}, {@code error}, {@code unknown} (the action was sent and its answer lost, so it may have
 *     happened), {@code denied}, {@code confirmation_required}, {@code timeout}, {@code invalid_arguments},
 *     {@code unknown_tool} or {@code task}
 * @param durationMillis how long the call ran
 * @param detail a short excerpt of the result or the refusal, or null
 */
public record AuditEntry(Instant time, String conversationId, String channel, String room, String user, String tool,
                         JsonObject arguments, String risk, String outcome, long durationMillis, String detail) {

  /** The longest detail kept; results are excerpts, not copies. */
  public static final int MAX_DETAIL = 500;

  /** Validates the required fields and trims the detail. */
  public AuditEntry {
    if (time == null) {
      throw new IllegalArgumentException("audit time must be set");
    }
    Json.requireText(tool, "audit tool");
    Json.requireText(outcome, "audit outcome");
    arguments = arguments == null ? new JsonObject() : arguments.copy();
    risk = risk == null ? "read" : risk;
    channel = channel == null ? "embedded" : channel;
    detail = detail != null && detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "..." : detail;
  }

  /** The JSON form, as {@code /api/audit} lists it; absent optionals are omitted. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("time", time.toString()).put("channel", channel).put("tool", tool)
        .put("arguments", arguments.copy()).put("risk", risk).put("outcome", outcome)
        .put("duration_ms", durationMillis);
    Json.putIfPresent(json, "conversation_id", conversationId);
    Json.putIfPresent(json, "room", room);
    Json.putIfPresent(json, "user", user);
    return Json.putIfPresent(json, "detail", detail);
  }

  /** Reads the JSON form; unknown keys are ignored. */
  public static AuditEntry fromJson(JsonObject json) {
    return new AuditEntry(Json.instant(json, "time"), json.getString("conversation_id"), json.getString("channel"),
        json.getString("room"), json.getString("user"), json.getString("tool"), json.getJsonObject("arguments"),
        json.getString("risk"), json.getString("outcome"), json.getLong("duration_ms", 0L),
        json.getString("detail"));
  }
}
