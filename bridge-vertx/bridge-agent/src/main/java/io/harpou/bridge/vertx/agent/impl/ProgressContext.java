package io.harpou.bridge.vertx.agent.impl;

import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.artifact.ArtifactStore;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.memory.MemoryStore;
import io.harpou.bridge.api.task.TaskService;
import io.harpou.bridge.api.timer.TimerService;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.vision.VisionModel;
import io.harpou.bridge.api.voice.Announcer;
import io.harpou.bridge.vertx.task.DurableTaskService;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A tool's context whose progress reports go to the task the call runs as. A call may start in a turn and become a
 * task only when it passes the threshold; until then its latest report is held, and sent once the task exists.
 */
final class ProgressContext implements ToolContext {

  private final ToolContext delegate;
  private final DurableTaskService tasks;
  private String taskId;
  private double heldFraction = Double.NaN;
  private String heldMessage;

  ProgressContext(ToolContext delegate, DurableTaskService tasks, String taskId) {
    this.delegate = delegate;
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

  @Override
  public Vertx vertx() {
    return delegate.vertx();
  }

  @Override
  public JsonObject config() {
    return delegate.config();
  }

  @Override
  public Utterance utterance() {
    return delegate.utterance();
  }

  @Override
  public Path dataDir() {
    return delegate.dataDir();
  }

  @Override
  public Optional<HomeGateway> home() {
    return delegate.home();
  }

  @Override
  public Optional<MemoryStore> memory() {
    return delegate.memory();
  }

  @Override
  public Optional<TaskService> tasks() {
    return delegate.tasks();
  }

  @Override
  public Optional<Announcer> announcer() {
    return delegate.announcer();
  }

  @Override
  public Optional<TimerService> timers() {
    return delegate.timers();
  }

  @Override
  public Optional<ArtifactStore> artifacts() {
    return delegate.artifacts();
  }

  @Override
  public Optional<VisionModel> vision() {
    return delegate.vision();
  }
}
