package io.harpou.bridge.vertx.agent.impl;

import io.harpou.bridge.api.tool.ForwardingToolContext;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.vertx.task.DurableTaskService;

/**
 * A tool's context whose progress reports go to the task the call runs as. A call may start in a turn and become a
 * task only when it passes the threshold; until then its latest report is held, and sent once the task exists.
 */
final class ProgressContext extends ForwardingToolContext {

  private final DurableTaskService tasks;
  private String taskId;
  private double heldFraction = Double.NaN;
  private String heldMessage;

  ProgressContext(ToolContext delegate, DurableTaskService tasks, String taskId) {
    super(delegate);
    this.tasks = tasks;
    this.taskId = taskId;
  }

  /** From now on, reports belong to {@code id}; a report held until now is sent. */
  void attach(String id) {
    double fraction;
    String message;
    synchronized (this) {
      taskId = id;
      fraction = heldFraction;
      message = heldMessage;
      heldFraction = Double.NaN;
    }
    if (!Double.isNaN(fraction)) {
      tasks.progress(id, fraction, message);
    }
  }

  @Override
  public void progress(double fraction, String message) {
    String id;
    synchronized (this) {
      id = taskId;
      if (id == null) {
        heldFraction = fraction;
        heldMessage = message;
        return;
      }
    }
    tasks.progress(id, fraction, message);
  }
}
