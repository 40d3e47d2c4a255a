package io.harpou.bridge.api.event;

import io.harpou.bridge.api.task.TaskInfo;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A background task ended (done, failed, cancelled or interrupted); its result is in the task.
 *
 * @param time when
 * @param task the task in its final state
 */
public record TaskDone(Instant time, TaskInfo task) implements BridgeEvent {

  public static final String KIND = "task_done";

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

  static TaskDone read(Instant time, JsonObject json) {
    return new TaskDone(time, TaskInfo.fromJson(json.getJsonObject("task")));
  }
}
