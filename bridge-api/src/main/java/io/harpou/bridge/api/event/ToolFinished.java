package io.harpou.bridge.api.event;

import io.harpou.bridge.api.tool.ToolResult;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A tool call ended.
 *
 * @param time when
 * @param turnId the turn
 * @param conversationId the conversation
 * @param callId the call's id
 * @param tool the tool's name
 * @param outcome {@code ok}, {@code error}, {@code unknown} (sent, answer lost), {@code denied},
 *     {@code confirmation_required}, {@code timeout} or {@code task}
 * @param result what the tool returned
 * @param durationMillis how long it ran
 */
public record ToolFinished(Instant time, String turnId, String conversationId, String callId, String tool,
                           String outcome, ToolResult result, long durationMillis) implements BridgeEvent {

  public static final String KIND = "tool_finished";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public JsonObject body() {
    return new JsonObject().put("turn_id", turnId).put("conversation_id", conversationId).put("call_id", callId)
        .put("tool", tool).put("outcome", outcome).put("result", result.toJson())
        .put("duration_ms", durationMillis);
  }

  static ToolFinished read(Instant time, JsonObject json) {
    return new ToolFinished(time, json.getString("turn_id"), json.getString("conversation_id"),
        json.getString("call_id"), json.getString("tool"), json.getString("outcome"),
        ToolResult.fromJson(json.getJsonObject("result")), json.getLong("duration_ms", 0L));
  }
}
