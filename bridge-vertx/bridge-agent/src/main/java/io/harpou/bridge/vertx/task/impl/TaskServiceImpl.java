package io.harpou.bridge.vertx.task.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.event.TaskProgress;
import io.harpou.bridge.api.event.TaskQueued;
import io.harpou.bridge.api.task.TaskInfo;
import io.harpou.bridge.api.task.TaskRequest;
import io.harpou.bridge.api.task.TaskStatus;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.api.event.EventPublisher;
import io.harpou.bridge.vertx.task.DurableTaskService;
import io.harpou.bridge.vertx.task.TaskCallRunner;
import io.harpou.bridge.vertx.task.TaskRow;
import io.harpou.bridge.vertx.task.TaskSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stores tasks, runs their calls, fires their timers and delivers their results. */
public final class TaskServiceImpl implements DurableTaskService {

  private static final Logger LOG = LoggerFactory.getLogger(TaskServiceImpl.class);
  /** How often a hub sharing its table looks for due tasks nobody claimed: the most a stopped hub's timer is late. */
  static final long SWEEP_MS = 1_000;
  private static final int SWEEP_BATCH = 32;

  private final Vertx vertx;
  private final EventPublisher events;
  private final DurableTaskService.TaskTable store;
  private final TaskDelivery delivery;
  private final long taskTimeoutMs;
  private final ProgressTracker progress;
  private final Map<String, Long> timers = new ConcurrentHashMap<>();
  private final TaskCallRunner runner;
  private volatile boolean closed;
  private long sweeper = -1;
  private boolean sweeping;
  private long leases = -1;
  private boolean renewing;

  private TaskServiceImpl(Vertx vertx, DurableTaskService.TaskTable store, TaskSettings settings, TaskCallRunner runner) {
    this.vertx = vertx;
    this.events = new EventPublisher(vertx);
    this.store = store;
    this.delivery = new TaskDelivery(vertx, settings);
    this.taskTimeoutMs = settings.taskTimeoutMs();
    this.progress = new ProgressTracker(vertx, store);
    this.runner = runner;
  }

  /** Creates the table on first use. */
  public static Future<DurableTaskService.TaskTable> openTable(Database database) {
    return TaskStore.open(database).map(store -> store);
  }

  /** The service on an open table. */
  public static DurableTaskService create(Vertx vertx, DurableTaskService.TaskTable table, TaskSettings settings,
                                          TaskCallRunner runner) {
    return new TaskServiceImpl(vertx, table, settings, runner);
  }

  @Override
  public Future<TaskInfo> submit(TaskRequest request) {
    return accept(request, false, null);
  }

  @Override
  public Future<TaskInfo> submitApproved(TaskRequest request) {
    return accept(request, true, null);
  }

  @Override
  public Future<TaskInfo> adopt(TaskRequest request, Future<ToolResult> running) {
    return accept(request, true, running);
  }

  private Future<TaskInfo> accept(TaskRequest request, boolean approved, Future<ToolResult> running) {
    if (closed) {
      return Future.failedFuture(new BridgeException("the task service is stopped"));
    }
    if (running == null && request.callerRuns()) {
      return Future.failedFuture(new IllegalArgumentException("a task with no call and no time can only be adopted"));
    }
    TaskStatus status = running == null ? TaskStatus.QUEUED : TaskStatus.RUNNING;
    TaskInfo info = new TaskInfo(UUID.randomUUID().toString().substring(0, 8), request.title(), status,
        request.origin(), Instant.now(), request.dueAt(), 0, null);
    TaskRow row = new TaskRow(info, request.call(), request.message(), approved, false);
    return store.insert(row).map(v -> {
      events.publish(new TaskQueued(Instant.now(), info));
      if (running != null) {
        progress.started(info.id(), info.origin().conversationId());
        follow(row, running);
      } else {
        schedule(row);
      }
      return info;
    });
  }

  @Override
  public Future<List<TaskInfo>> list() {
    return store.all().map(rows -> rows.stream().map(TaskRow::info).toList());
  }

  @Override
  public Future<Optional<TaskInfo>> get(String id) {
    return store.get(id).map(row -> row.map(TaskRow::info));
  }

  @Override
  public Future<Boolean> cancel(String id) {
    return store.get(id).compose(found -> {
      if (found.isEmpty() || found.get().info().status().isFinal()) {
        return Future.succeededFuture(false);
      }
      Long timer = timers.remove(id);
      if (timer != null) {
        vertx.cancelTimer(timer);
      }
      return finish(found.get(), TaskStatus.CANCELLED, "Cancelled").map(true);
    });
  }

  @Override
  public Future<Void> resume() {
    return store.abandoned(true).compose(abandoned -> Future.join(abandoned.stream()
            .map(row -> finish(row, TaskStatus.INTERRUPTED, "Interrupted by a restart")).toList()).otherwiseEmpty()
        // Read once the interrupted ones are delivered, so none of them is delivered twice.
        .compose(v -> store.unfinished()).map(rows -> {
          pickUp(rows);
          if (!rows.isEmpty() || !abandoned.isEmpty()) {
            LOG.info("Resumed {} unfinished or undelivered tasks; {} were interrupted", rows.size(),
                abandoned.size());
          }
          return null;
        }));
  }

  /**
   * Schedules the queued tasks, delivers the finished ones nobody was told of, and starts the timers that keep a
   * shared table's tasks running on one live hub; running tasks belong to the hubs running them.
   */
  private void pickUp(List<TaskRow> rows) {
    for (TaskRow row : rows) {
      TaskStatus status = row.info().status();
      if (status == TaskStatus.QUEUED) {
        schedule(row);
      } else if (status.isFinal()) {
        deliver(row);
      }
    }
    if (closed) {
      return;
    }
    if (store.shared()) {
      sweeper = vertx.setPeriodic(SWEEP_MS, t -> sweep());
    }
    if (store.leaseMs() > 0) {
      // Three renewals per lease: one late or failed renewal does not yet let another hub take the tasks.
      leases = vertx.setPeriodic(Math.max(1, store.leaseMs() / 3), t -> keepLeases());
    }
  }

  @Override
  public Future<Void> close() {
    closed = true;
    vertx.cancelTimer(sweeper);
    vertx.cancelTimer(leases);
    timers.values().forEach(vertx::cancelTimer);
    timers.clear();
    return Future.succeededFuture();
  }

  /**
   * Renews the lease of the tasks this hub runs, then interrupts and reports those whose hub let its lease lapse, so
   * a person whose task died with its hub hears of it from this one.
   */
  private void keepLeases() {
    if (closed || renewing) {
      return;
    }
    renewing = true;
    store.renewLeases().compose(v -> store.abandoned(false)).onComplete(ar -> {
      renewing = false;
      if (ar.failed()) {
        LOG.warn("Renewing task leases failed: {}", ar.cause().getMessage());
      } else if (!closed) {
        ar.result().forEach(row -> finish(row, TaskStatus.INTERRUPTED, "Interrupted: the hub running it stopped"));
      }
    });
  }

  private void schedule(TaskRow row) {
    Instant due = row.info().dueAt();
    long delay = due == null ? 0 : Duration.between(Instant.now(), due).toMillis();
    if (delay <= 0) {
      vertx.runOnContext(v -> fire(row));
    } else {
      timers.put(row.info().id(), vertx.setTimer(delay, t -> {
        timers.remove(row.info().id());
        fire(row);
      }));
    }
  }

  /** Runs a task that fell due, once: when hubs share the table, only the one whose claim wins runs it. */
  private void fire(TaskRow row) {
    if (closed) {
      return;
    }
    TaskRow running = row.withInfo(row.info().with(TaskStatus.RUNNING, 0, null));
    store.claim(running.info().id()).onSuccess(claimed -> {
      if (claimed) {
        run(running);
      }
    });
  }

  /** Runs a task this hub claimed. */
  private void run(TaskRow claimed) {
    if (claimed.call() == null) {
      finish(claimed, TaskStatus.DONE, claimed.message());
      return;
    }
    TaskInfo running = claimed.info();
    events.publish(new TaskProgress(Instant.now(), running.id(), running.origin().conversationId(), 0, "started"));
    progress.started(running.id(), running.origin().conversationId());
    Future<ToolResult> result;
    try {
      result = runner.run(claimed.call(), running.origin(), claimed.approved(), running.id());
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    follow(claimed, result);
  }

  /** Runs the due tasks no hub has claimed yet, such as those a stopped hub had scheduled. */
  private void sweep() {
    if (closed || sweeping) {
      return;
    }
    sweeping = true;
    store.claimDue(Instant.now(), SWEEP_BATCH).onComplete(ar -> {
      sweeping = false;
      if (ar.succeeded()) {
        ar.result().forEach(claimed -> {
          Long timer = timers.remove(claimed.info().id());
          if (timer != null) {
            vertx.cancelTimer(timer);
          }
          run(claimed);
        });
      } else {
        LOG.warn("Looking for due tasks failed: {}", ar.cause().getMessage());
      }
    });
  }

  private void follow(TaskRow row, Future<ToolResult> running) {
    running.timeout(taskTimeoutMs, TimeUnit.MILLISECONDS).onComplete(ar -> {
      if (closed) {
        return;
      }
      if (ar.succeeded()) {
        ToolResult result = ar.result();
        finish(row, result.error() ? TaskStatus.FAILED : TaskStatus.DONE, result.content());
      } else {
        finish(row, TaskStatus.FAILED, ar.cause().getMessage());
      }
    });
  }

  @Override
  public void progress(String taskId, double fraction, String message) {
    progress.report(taskId, fraction, message);
  }

  private Future<Void> finish(TaskRow row, TaskStatus status, String result) {
    double reached = progress.finished(row.info().id(), row.info().progress());
    TaskInfo done = row.info().with(status, status == TaskStatus.DONE ? 1 : reached, result);
    return store.update(done, true).compose(open -> open ? deliver(row.withInfo(done)) : Future.succeededFuture())
        .onFailure(e -> LOG.warn("Finishing task {} failed: {}", row.info().id(), e.getMessage()));
  }

  private Future<Void> deliver(TaskRow row) {
    return delivery.deliver(row.info(), row.message()).compose(v -> store.markDelivered(row.info().id()));
  }
}
