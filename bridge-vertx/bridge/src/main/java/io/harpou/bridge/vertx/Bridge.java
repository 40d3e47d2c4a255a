package io.harpou.bridge.vertx;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.artifact.ArtifactStore;
import io.harpou.bridge.api.memory.MemoryStore;
import io.harpou.bridge.api.task.TaskService;
import io.harpou.bridge.api.timer.TimerService;
import io.harpou.bridge.api.voice.Announcer;
import io.harpou.bridge.api.voice.SttService;
import io.harpou.bridge.api.voice.TtsService;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.health.Health;
import io.harpou.bridge.vertx.impl.BridgeImpl;
import io.harpou.bridge.vertx.tools.ToolRegistry;
import io.harpou.bridge.vertx.voice.SatelliteDialer;
import io.harpou.bridge.vertx.voice.Satellites;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.Set;

/**
 * The facade an application uses to run the whole of Harpou: create it from {@link BridgeOptions}, {@link #start()}
 * it, and {@link #close()} it. Starting opens the database, loads the tools and starts each configured part with the
 * parts it needs (Home Assistant, memory, the agent, speech, voice, the monitors, the HTTP API); closing stops them
 * in reverse. The accessors read what {@link #start()} made; they are fixed until {@link #close()}.
 */
public interface Bridge {

  /** Creates a bridge; nothing runs until {@link #start()}. */
  static Bridge create(Vertx vertx, BridgeOptions options) {
    return new BridgeImpl(vertx, options, RemoteParts.none());
  }

  /**
   * Creates a bridge that uses parts running on other nodes of a cluster (the home, the agent) instead of starting
   * its own; nothing runs until {@link #start()}.
   */
  static Bridge create(Vertx vertx, BridgeOptions options, RemoteParts remote) {
    return new BridgeImpl(vertx, options, remote);
  }

  /**
   * Opens the database, loads the tools and starts the parts. The Future fails with
   * {@link io.harpou.bridge.api.BridgeException} when a part cannot start; what had started is stopped again.
   */
  Future<Bridge> start();

  /** Stops every part the bridge started and closes the database. */
  Future<Void> close();

  /** The embedded database. Available after {@link #start()}. */
  Database database();

  /** The tools and interpreters loaded from the class path. Available after {@link #start()}. */
  ToolRegistry tools();

  /** The components' states, as {@code /health} reports them. */
  Health health();

  /** Home Assistant, when configured. */
  Optional<HomeGateway> home();

  /** The agent, unless disabled. */
  Optional<Agent> agent();

  /** Background tasks, when the agent runs. */
  Optional<TaskService> tasks();

  /** Voice timers, when the agent runs. */
  Optional<TimerService> timers();

  /** The memory store, unless disabled. */
  Optional<MemoryStore> memory();

  /** The artifact store, once started. */
  Optional<ArtifactStore> artifacts();

  /** Speech to text, when an engine is configured. */
  Optional<SttService> stt();

  /** Text to speech, when an engine is available. */
  Optional<TtsService> tts();

  /** Room announcements, when voice runs. */
  Optional<Announcer> announcer();

  /** The satellites voice knows, when voice runs. */
  Optional<Satellites> satellites();

  /** Dials and hangs up on satellites while voice runs (an edge node of a cluster), when voice runs. */
  Optional<SatelliteDialer> satelliteDialer();

  /** The port the HTTP API listens on, or -1 when it does not run. */
  int httpPort();

  /**
   * The console's address with its token in the fragment ({@code http://127.0.0.1:PORT/#token=...}), to show the
   * person who started the hub; empty when the HTTP API does not run or cannot be reached on loopback.
   */
  Optional<String> consoleUrl();

  /** Ids of the verticles this bridge deployed and has not undeployed. */
  Set<String> deploymentIds();
}
