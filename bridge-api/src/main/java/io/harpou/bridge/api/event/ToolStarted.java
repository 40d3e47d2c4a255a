package io.harpou.bridge.api.event;

import io.harpou.bridge.api.tool.ToolCall;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A tool call began.
 *
 * @param time when
 * @param turnId the turn
 * @param conversationId the conversation
 * @param call the call, with its arguments
 */
public record ToolStarted(Instant time, String turnId, String conversationId, ToolCall call) implements BridgeEvent {

  public static final String KIND = "tool_started";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public JsonObject body() {
    return new JsonObject().put("turn_id", turnId).put("conversation_id", conversationId).put("call", call.toJson());
  }

  static ToolStarted read(Instant time, JsonObject json) {
    return new ToolStarted(time, json.getString("turn_id"), json.getString("conversation_id"),
        ToolCall.fromJson(json.getJsonObject("call")));
  }
}
