package io.harpou.bridge.vertx.task;

import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.task.TaskInfo;
import io.harpou.bridge.api.tool.ToolCall;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * A stored task: what people see, plus what the scheduler needs to run and deliver it.
 *
 * @param info the task as people see it
 * @param call the tool call it runs, or {@code null} for a reminder
 * @param message what a reminder says, or {@code null}
 * @param approved whether the policy already let the call through
 * @param delivered whether its final result was delivered
 */
public record TaskRow(TaskInfo info, ToolCall call, String message, boolean approved, boolean delivered) {

  /** A copy with {@code other} as the task people see. */
  public TaskRow withInfo(TaskInfo other) {
    return new TaskRow(other, call, message, approved, delivered);
  }

  /**
   * The utterance that started a task, as stored. A row stored before ids were checked may hold one that breaks
   * today's rule: the task is kept, without its ids, rather than failing every task that loads with it.
   */
  public static Utterance origin(JsonObject json) {
    try {
      return Utterance.fromJson(json);
    } catch (IllegalArgumentException e) {
      LoggerFactory.getLogger(TaskRow.class).warn("A stored task's origin was read without its ids: {}",
          e.getMessage());
      JsonObject cleaned = json.copy();
      List.of("conversation_id", "satellite", "user", "language").forEach(cleaned::remove);
      return Utterance.fromJson(cleaned);
    }
  }
}
