package io.harpou.bridge.vertx.task;

import io.harpou.bridge.api.task.TaskInfo;
import io.harpou.bridge.api.task.TaskRequest;
import io.harpou.bridge.api.task.TaskService;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.task.impl.TaskServiceImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The {@link TaskService} of the hub, kept in the embedded database. Finished results are published as
 * {@link io.harpou.bridge.api.event.TaskDone} events, spoken in the asking room when an announcer is given, and
 * posted as a Home Assistant persistent notification when asked to. Futures complete on the caller's context and fail
 * with {@link io.harpou.bridge.api.BridgeException} when the database cannot be reached.
 */
public interface DurableTaskService extends TaskService {

  /** Opens (creating on first use) the tasks' table in {@code database}. */
  static Future<TaskTable> openTable(Database database) {
    return TaskServiceImpl.openTable(database);
  }

  /**
   * Makes the service on an open table; nothing runs until {@link #resume()}. A task's tool call runs through
   * {@code runner}, which is how background calls pass the policy and the audit log like any other.
   */
  static DurableTaskService create(Vertx vertx, TaskTable table, TaskSettings settings, TaskCallRunner runner) {
    return TaskServiceImpl.create(vertx, table, settings, runner);
  }

  /**
   * Picks up after a restart: results finished but not delivered are delivered, tasks that were running are marked
   * {@link io.harpou.bridge.api.task.TaskStatus#INTERRUPTED} and reported, timers are scheduled again.
   */
  Future<Void> resume();

  /** Accepts a task whose call the policy already let through; it runs without asking again. */
  Future<TaskInfo> submitApproved(TaskRequest request);

  /** Turns a call already running into a task: its result, when it comes, is delivered like any task's. */
  Future<TaskInfo> adopt(TaskRequest request, Future<ToolResult> running);

  /**
   * Reports how far a running task has got: publishes a {@link io.harpou.bridge.api.event.TaskProgress} event and
   * keeps the fraction as the task's progress. Reports for a task that is not running here are ignored. Safe from
   * any thread; never fails.
   *
   * @param fraction from 0 to 1, clamped
   * @param message what the task is doing, for people, or {@code null}
   */
  void progress(String taskId, double fraction, String message);

  /** Stops the timers; stored tasks stay for the next start. */
  Future<Void> close();

  /** The tasks' table, open; its rows are reached only through the service made on it. */
  interface TaskTable {
  }
}
