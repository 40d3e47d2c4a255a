package io.harpou.bridge.vertx.task;

import io.harpou.bridge.api.task.TaskInfo;
import io.harpou.bridge.api.task.TaskRequest;
import io.harpou.bridge.api.task.TaskService;
import io.harpou.bridge.api.task.TaskStatus;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.task.impl.TaskServiceImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
   * Picks up after a restart: results finished but not delivered are delivered, tasks this hub was running are marked
   * {@link io.harpou.bridge.api.task.TaskStatus#INTERRUPTED} and reported, timers are scheduled again. On a shared
   * table, tasks another live hub runs are left to it, and those of a hub that stopped renewing its lease are
   * interrupted and reported once the lease lapses.
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

  /**
   * The tasks' table, open, in the embedded database or a shared one; the service made on it is its one user. Several
   * hubs may share one table: {@link #claim} is how exactly one of them runs a task that falls due. Futures fail with
   * {@link io.harpou.bridge.api.BridgeException} when the store cannot be reached.
   */
  interface TaskTable {

    /** Stores a new task. */
    Future<Void> insert(TaskRow row);

    /** Writes a new state; {@code onlyIfOpen} keeps a task that became final (cancelled) from changing again. */
    Future<Boolean> update(TaskInfo task, boolean onlyIfOpen);

    /**
     * Moves a queued task to running, for the one caller that gets there first: true for that caller, false for
     * every other (another hub claimed it, or it was cancelled).
     */
    Future<Boolean> claim(String id);

    /**
     * Claims up to {@code limit} queued tasks due by {@code now}, each for exactly one caller among the hubs sharing
     * the table, and returns them as running.
     */
    Future<List<TaskRow>> claimDue(Instant now, int limit);

    /**
     * Whether other hubs share this table, so a task may fall due on a hub that did not schedule it (its own may have
     * stopped): the service then also sweeps the table for due tasks.
     */
    default boolean shared() {
      return false;
    }

    /**
     * How long a running task stays this hub's without renewal, when other hubs share the table; 0 when none does,
     * and nothing needs renewing.
     */
    default long leaseMs() {
      return 0;
    }

    /** Extends the lease of every task this hub is running, so the hubs sharing the table know it still runs them. */
    default Future<Void> renewLeases() {
      return Future.succeededFuture();
    }

    /**
     * Running tasks that no hub runs any more: those whose owner's lease lapsed (it stopped) and, when
     * {@code restarting}, this hub's own from before it started. A table no other hub shares holds only this hub's:
     * every running task when restarting, none otherwise.
     */
    default Future<List<TaskRow>> abandoned(boolean restarting) {
      if (!restarting) {
        return Future.succeededFuture(List.of());
      }
      return unfinished().map(rows -> rows.stream()
          .filter(row -> row.info().status() == TaskStatus.RUNNING).toList());
    }

    /** Stores a running task's progress; a task no longer running keeps its value. */
    Future<Boolean> progress(String id, double progress);

    /** Records that a final task's result was delivered. */
    Future<Void> markDelivered(String id);

    /** Every task, newest first. */
    Future<List<TaskRow>> all();

    /**
     * Tasks that still need the scheduler: open ones, and final ones not delivered yet (on a shared table, not those
     * another live hub finished and is delivering), oldest first.
     */
    Future<List<TaskRow>> unfinished();

    /** The task with this id. */
    Future<Optional<TaskRow>> get(String id);
  }
}
