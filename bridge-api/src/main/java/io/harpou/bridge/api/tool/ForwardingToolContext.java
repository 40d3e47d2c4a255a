package io.harpou.bridge.api.tool;

import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.artifact.ArtifactStore;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.memory.MemoryStore;
import io.harpou.bridge.api.task.TaskService;
import io.harpou.bridge.api.timer.TimerService;
import io.harpou.bridge.api.vision.VisionModel;
import io.harpou.bridge.api.voice.Announcer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A tool context that passes everything to another one, so a context that changes one thing (how progress is
 * reported, say) overrides that alone and keeps up with the interface as it grows.
 */
public abstract class ForwardingToolContext implements ToolContext {

  private final ToolContext delegate;

  /** Forwards to {@code delegate}. */
  protected ForwardingToolContext(ToolContext delegate) {
    this.delegate = delegate;
  }

  @Override
  public void progress(double fraction, String message) {
    delegate.progress(fraction, message);
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
