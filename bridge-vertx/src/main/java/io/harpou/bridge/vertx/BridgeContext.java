package io.harpou.bridge.vertx;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.memory.MemoryStore;
import io.harpou.bridge.api.task.TaskService;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.voice.Announcer;
import io.harpou.bridge.api.voice.SttService;
import io.harpou.bridge.api.voice.TtsService;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.health.Health;
import io.harpou.bridge.vertx.tools.ToolRegistry;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;

/**
 * What the started components share: the configuration, the database, the tools, and each service once the component
 * that provides it has started. A component reads the services of those started before it and sets its own.
 */
public interface BridgeContext {

  /** The Vert.x instance. */
  Vertx vertx();

  /** The whole configuration. */
  BridgeOptions options();

  /** Component states for {@code /health}. */
  Health health();

  /** The embedded database. */
  Database database();

  /** Every tool and interpreter. */
  ToolRegistry tools();

  /** Deploys a verticle that the bridge undeploys on close; the Future carries the deployment id. */
  default Future<String> deploy(Deployable verticle) {
    return deploy(verticle, new DeploymentOptions());
  }

  /** Deploys a verticle with options; the bridge undeploys it on close. */
  Future<String> deploy(Deployable verticle, DeploymentOptions options);

  /** A tool context for an utterance, with every service present so far. */
  ToolContext toolContext(Utterance utterance);

  /** Home Assistant, once its component started. */
  Optional<HomeGateway> home();

  /** Publishes the home gateway. */
  void home(HomeGateway home);

  /** The agent, once its component started. */
  Optional<Agent> agent();

  /** Publishes the agent. */
  void agent(Agent agent);

  /** Background tasks, once their component started. */
  Optional<TaskService> tasks();

  /** Publishes the task service. */
  void tasks(TaskService tasks);

  /** The memory store, once its component started. */
  Optional<MemoryStore> memory();

  /** Publishes the memory store. */
  void memory(MemoryStore memory);

  /** Room announcements, once voice started. */
  Optional<Announcer> announcer();

  /** Publishes the announcer. */
  void announcer(Announcer announcer);

  /** Speech to text, when an engine is configured. */
  Optional<SttService> stt();

  /** Publishes the speech-to-text engine. */
  void stt(SttService stt);

  /** Text to speech, when an engine is available. */
  Optional<TtsService> tts();

  /** Publishes the text-to-speech engine. */
  void tts(TtsService tts);

  /** Voice timers, once the agent started. */
  default Optional<io.harpou.bridge.api.timer.TimerService> timers() {
    return Optional.empty();
  }

  /** Publishes the voice timers. */
  default void timers(io.harpou.bridge.api.timer.TimerService timers) {
  }

  /** The satellites voice knows (for {@code GET /api/satellites}), once voice started. */
  default Optional<io.harpou.bridge.vertx.voice.Satellites> satellites() {
    return Optional.empty();
  }

  /** Publishes the satellites view. */
  default void satellites(io.harpou.bridge.vertx.voice.Satellites satellites) {
  }

  /** The port the HTTP API listens on, or -1. */
  int httpPort();

  /** Publishes the HTTP port once bound. */
  void httpPort(int port);
}
