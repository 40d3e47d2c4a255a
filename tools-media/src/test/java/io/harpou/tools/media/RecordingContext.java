package io.harpou.tools.media;

import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.artifact.ArtifactStore;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.memory.MemoryStore;
import io.harpou.bridge.api.task.TaskService;
import io.harpou.bridge.api.timer.TimerService;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.vision.VisionModel;
import io.harpou.bridge.api.voice.Announcer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A tool context over a built one that also records the progress a tool reports, as a background task would. */
final class RecordingContext implements ToolContext {

  final List<String> progress = new CopyOnWriteArrayList<>();
  private final ToolContext delegate;

  RecordingContext(ToolContext delegate) {
    this.delegate = delegate;
  }

  @Override
  public void progress(double fraction, String message) {
    progress.add(String.format("%.2f %s", fraction, message));
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
