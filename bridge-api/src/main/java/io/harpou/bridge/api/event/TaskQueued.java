package io.harpou.bridge.api.event;

import io.harpou.bridge.api.task.TaskInfo;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A background task was accepted.
 *
 * @param time when
 * @param task the task as queued
 */
public record TaskQueued(Instant time, TaskInfo task) implements BridgeEvent {

  public static final String KIND = "task_queued";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String conversationId() {
    return task.origin().conversationId();
  }

  @Override
  public JsonObject body() {
    return new JsonObject().put("conversation_id", conversationId()).put("task", task.toJson());
  }

  static TaskQueued read(Instant time, JsonObject json) {
    return new TaskQueued(time, TaskInfo.fromJson(json.getJsonObject("task")));
  }
}
