package io.harpou.bridge.api.task;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * Runs work in the background and delivers its result to the channel that asked, even across a restart. Futures
 * complete on the caller's Vert.x context and fail with {@link io.harpou.bridge.api.BridgeException} when the task
 * store cannot be reached.
 */
public interface TaskService {

  /** Accepts a task; the Future succeeds once it is stored, before it runs. */
  Future<TaskInfo> submit(TaskRequest request);

  /** Every task, newest first. */
  Future<List<TaskInfo>> list();

  /** One task, if it exists. */
  Future<Optional<TaskInfo>> get(String id);

  /** Cancels a task that has not finished; false when it was unknown or already final. */
  Future<Boolean> cancel(String id);
}
