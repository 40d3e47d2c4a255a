package io.harpou.bridge.vertx.task.impl;

import io.harpou.bridge.api.event.TaskProgress;
import io.harpou.bridge.api.event.EventPublisher;
import io.harpou.bridge.vertx.task.DurableTaskService;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress of the tasks running now: each report is published at once, and stored with at most one write per
 * task in flight (a tool reporting faster than the database writes only has its latest value kept).
 */
final class ProgressTracker {

  private static final Logger LOG = LoggerFactory.getLogger(ProgressTracker.class);

  private static final class Running {
    final String conversationId;
    double last;
    double unwritten = -1;
    boolean writing;

    Running(String conversationId) {
      this.conversationId = conversationId;
    }
  }

  private final EventPublisher events;
  private final DurableTaskService.TaskTable store;
  private final Map<String, Running> running = new ConcurrentHashMap<>();

  ProgressTracker(Vertx vertx, DurableTaskService.TaskTable store) {
    this.events = new EventPublisher(vertx);
    this.store = store;
  }

  void started(String taskId, String conversationId) {
    running.put(taskId, new Running(conversationId));
  }

  /** Forgets the task and returns its last reported progress, or {@code otherwise} when it reported none. */
  double finished(String taskId, double otherwise) {
    Running task = running.remove(taskId);
    if (task == null) {
      return otherwise;
    }
    synchronized (task) {
      return task.last;
    }
  }

  void report(String taskId, double fraction, String message) {
    Running task = running.get(taskId);
    if (task == null || Double.isNaN(fraction)) {
      return;
    }
    double value = Math.max(0, Math.min(1, fraction));
    events.publish(new TaskProgress(Instant.now(), taskId, task.conversationId, value, message));
    synchronized (task) {
      task.last = value;
      if (task.writing) {
        task.unwritten = value;
        return;
      }
      task.writing = true;
    }
    write(taskId, task, value);
  }

  private void write(String taskId, Running task, double value) {
    store.progress(taskId, value).onComplete(ar -> {
      if (ar.failed()) {
        LOG.debug("Progress of task {} not stored: {}", taskId, ar.cause().getMessage());
      }
      double next;
      synchronized (task) {
        next = task.unwritten;
        task.unwritten = -1;
        task.writing = next >= 0;
      }
      if (next >= 0) {
        write(taskId, task, next);
      }
    });
  }
}
