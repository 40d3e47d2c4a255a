package io.harpou.bridge.api.event;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A background task reported progress.
 *
 * @param time when
 * @param taskId the task
 * @param conversationId the conversation that started it
 * @param progress from 0 to 1
 * @param message what it is doing, for people
 */
public record TaskProgress(Instant time, String taskId, String conversationId, double progress, String message)
    implements BridgeEvent {

  /** Keeps the progress between 0 and 1. */
  public TaskProgress {
    progress = Math.max(0, Math.min(1, progress));
  }

  public static final String KIND = "task_progress";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public JsonObject body() {
    return new JsonObject().put("task_id", taskId).put("conversation_id", conversationId).put("progress", progress)
        .put("message", message);
  }

  static TaskProgress read(Instant time, JsonObject json) {
    return new TaskProgress(time, json.getString("task_id"), json.getString("conversation_id"),
        json.getDouble("progress", 0.0), json.getString("message"));
  }
}
