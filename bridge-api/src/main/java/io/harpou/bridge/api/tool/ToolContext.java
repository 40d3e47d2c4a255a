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
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a tool may reach while it runs: Vert.x, its configuration, the utterance that caused the call (who, where,
 * which language), and the services of the hub that are present. Tools reach the home, memory and tasks only through
 * these interfaces, never through the runtime's implementations.
 */
public interface ToolContext {

  /** The Vert.x instance; callbacks of the tool's Futures run on the caller's context. */
  Vertx vertx();

  /** The tool provider's configuration section (never null). */
  JsonObject config();

  /** The utterance on whose behalf the tool runs. */
  Utterance utterance();

  /** Where tools may write files (snapshots, exports). */
  Path dataDir();

  /** Home Assistant, when the hub is connected to one. */
  Optional<HomeGateway> home();

  /** The memory store, when one is configured. */
  Optional<MemoryStore> memory();

  /** Background tasks, when the task service runs. */
  Optional<TaskService> tasks();

  /** Speaks a sentence in a room, when voice is running. */
  Optional<Announcer> announcer();

  /** Where tools keep what they make or fetch (snapshots, images), when the hub keeps artifacts. */
  default Optional<ArtifactStore> artifacts() {
    return Optional.empty();
  }

  /** A model that reads images, when one is configured. */
  default Optional<VisionModel> vision() {
    return Optional.empty();
  }

  /** Voice timers, when the runtime keeps them. */
  Optional<TimerService> timers();

  /** The speaker's room, when known (a satellite's room, a console's chosen room). */
  default Optional<String> room() {
    return Optional.ofNullable(utterance().room());
  }

  /** The language of the utterance, for example {@code en} or {@code fr}. */
  default String language() {
    return utterance().language();
  }

  /**
   * Reports how far a long-running call has got. Inside a background task the report is published as a
   * {@link io.harpou.bridge.api.event.TaskProgress} event of that task (and kept as the task's progress); elsewhere it
   * is ignored, so a tool may report unconditionally. Never blocks and never fails.
   *
   * @param fraction how much is done, from 0 to 1 (values outside are clamped)
   * @param message what the tool is doing, for people, or {@code null}
   */
  default void progress(double fraction, String message) {
  }

  /** Starts a context for {@code utterance}; every service is absent until set. */
  static Builder builder(Vertx vertx, Utterance utterance) {
    return new Builder(vertx, utterance);
  }

  /** Builds a {@link ToolContext}; the runtime builds one per turn, tests build their own. */
  final class Builder {
    private final Vertx vertx;
    private final Utterance utterance;
    private JsonObject config = new JsonObject();
    private Path dataDir = Path.of("data");
    private HomeGateway home;
    private MemoryStore memory;
    private TaskService tasks;
    private Announcer announcer;
    private ArtifactStore artifacts;
    private VisionModel vision;
    private TimerService timers;

    private Builder(Vertx vertx, Utterance utterance) {
      this.vertx = Objects.requireNonNull(vertx, "vertx");
      this.utterance = Objects.requireNonNull(utterance, "utterance");
    }

    /** Sets the provider configuration. */
    public Builder config(JsonObject config) {
      this.config = config == null ? new JsonObject() : config;
      return this;
    }

    /** Sets the data directory. */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    /** Sets the home gateway. */
    public Builder home(HomeGateway home) {
      this.home = home;
      return this;
    }

    /** Sets the memory store. */
    public Builder memory(MemoryStore memory) {
      this.memory = memory;
      return this;
    }

    /** Sets the task service. */
    public Builder tasks(TaskService tasks) {
      this.tasks = tasks;
      return this;
    }

    /** Sets the announcer. */
    public Builder announcer(Announcer announcer) {
      this.announcer = announcer;
      return this;
    }

    /** Sets the artifact store. */
    public Builder artifacts(ArtifactStore artifacts) {
      this.artifacts = artifacts;
      return this;
    }

    /** Sets the vision model. */
    public Builder vision(VisionModel vision) {
      this.vision = vision;
      return this;
    }

    /** Sets the voice timers. */
    public Builder timers(TimerService timers) {
      this.timers = timers;
      return this;
    }

    /** Builds the context. */
    public ToolContext build() {
      return new Snapshot(vertx, config, utterance, dataDir, home, memory, tasks, announcer, timers, artifacts,
          vision);
    }
  }

  /** The immutable context a {@link Builder} produces. */
  record Snapshot(Vertx vertx, JsonObject config, Utterance utterance, Path dataDir, HomeGateway homeOrNull,
                  MemoryStore memoryOrNull, TaskService tasksOrNull, Announcer announcerOrNull,
                  TimerService timersOrNull, ArtifactStore artifactsOrNull, VisionModel visionOrNull)
      implements ToolContext {

    @Override
    public Optional<HomeGateway> home() {
      return Optional.ofNullable(homeOrNull);
    }

    @Override
    public Optional<MemoryStore> memory() {
      return Optional.ofNullable(memoryOrNull);
    }

    @Override
    public Optional<TaskService> tasks() {
      return Optional.ofNullable(tasksOrNull);
    }

    @Override
    public Optional<Announcer> announcer() {
      return Optional.ofNullable(announcerOrNull);
    }

    @Override
    public Optional<TimerService> timers() {
      return Optional.ofNullable(timersOrNull);
    }

    @Override
    public Optional<ArtifactStore> artifacts() {
      return Optional.ofNullable(artifactsOrNull);
    }

    @Override
    public Optional<VisionModel> vision() {
      return Optional.ofNullable(visionOrNull);
    }
  }
}
