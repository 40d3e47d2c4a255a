package io.harpou.bridge.vertx.http;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.ConversationLog;
import io.harpou.bridge.api.artifact.ArtifactStore;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.memory.MemoryStore;
import io.harpou.bridge.api.task.TaskService;
import io.harpou.bridge.api.timer.TimerService;
import io.harpou.bridge.api.tool.ToolGate;
import io.harpou.bridge.api.voice.SatelliteLines;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.health.Health;
import io.harpou.bridge.vertx.model.ModelUsage;
import io.harpou.bridge.vertx.tools.ToolRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the HTTP API serves, fixed when it starts: health, the database that keeps API keys and the audit log, the
 * data directory of the console token, and the services its endpoints reach. An endpoint whose service is absent
 * answers 503.
 */
public final class HttpApiServices {

  /** The agent's own default, used unless the bridge says otherwise. */
  private static final Duration DEFAULT_CONFIRMATION_TIMEOUT = Duration.ofSeconds(30);

  private final Health health;
  private final Database database;
  private final Path dataDir;
  private final ToolRegistry tools;
  private final Agent agent;
  private final HomeGateway home;
  private final TaskService tasks;
  private final TimerService timers;
  private final MemoryStore memory;
  private final ModelUsage usage;
  private final ArtifactStore artifacts;
  private final SatelliteRooms satellites;
  private final Duration confirmationTimeout;
  private final ConversationLog conversations;
  private final ToolGate toolGate;
  private final SatelliteLines lines;

  private HttpApiServices(Health health, Database database, Path dataDir, ToolRegistry tools, Agent agent,
                          HomeGateway home, TaskService tasks, TimerService timers, MemoryStore memory,
                          ModelUsage usage, ArtifactStore artifacts, SatelliteRooms satellites,
                          Duration confirmationTimeout, ConversationLog conversations, ToolGate toolGate,
                          SatelliteLines lines) {
    this.health = Objects.requireNonNull(health, "health");
    this.database = Objects.requireNonNull(database, "database");
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    this.tools = Objects.requireNonNull(tools, "tools");
    this.agent = agent;
    this.home = home;
    this.tasks = tasks;
    this.timers = timers;
    this.memory = memory;
    this.usage = usage;
    this.artifacts = artifacts;
    this.satellites = Objects.requireNonNull(satellites, "satellites");
    this.confirmationTimeout = Objects.requireNonNull(confirmationTimeout, "confirmationTimeout");
    this.conversations = conversations;
    this.toolGate = toolGate;
    this.lines = lines;
  }

  /** The required parts; every service starts absent. */
  public static HttpApiServices of(Health health, Database database, Path dataDir) {
    return new HttpApiServices(health, database, dataDir, ToolRegistry.builder(null).build(), null, null, null,
        null, null, null, null, SatelliteRooms.NONE, DEFAULT_CONFIRMATION_TIMEOUT, null, null, null);
  }

  /** A copy listing these tools on {@code /api/tools}. */
  public HttpApiServices withTools(ToolRegistry tools) {
    return new HttpApiServices(health, database, dataDir, tools, agent, home, tasks, timers, memory, usage,
        artifacts, satellites, confirmationTimeout, conversations, toolGate, lines);
  }

  /** A copy answering conversations with {@code agent} (null for none). */
  public HttpApiServices withAgent(Agent agent) {
    return new HttpApiServices(health, database, dataDir, tools, agent, home, tasks, timers, memory, usage,
        artifacts, satellites, confirmationTimeout, conversations, toolGate, lines);
  }

  /** A copy showing this home (null for none). */
  public HttpApiServices withHome(HomeGateway home) {
    return new HttpApiServices(health, database, dataDir, tools, agent, home, tasks, timers, memory, usage,
        artifacts, satellites, confirmationTimeout, conversations, toolGate, lines);
  }

  /** A copy listing these tasks (null for none). */
  public HttpApiServices withTasks(TaskService tasks) {
    return new HttpApiServices(health, database, dataDir, tools, agent, home, tasks, timers, memory, usage,
        artifacts, satellites, confirmationTimeout, conversations, toolGate, lines);
  }

  /** A copy listing and cancelling these voice timers on {@code /api/timers} (null for none). */
  public HttpApiServices withTimers(TimerService timers) {
    return new HttpApiServices(health, database, dataDir, tools, agent, home, tasks, timers, memory, usage,
        artifacts, satellites, confirmationTimeout, conversations, toolGate, lines);
  }

  /** A copy serving this memory store (null for none). */
  public HttpApiServices withMemory(MemoryStore memory) {
    return new HttpApiServices(health, database, dataDir, tools, agent, home, tasks, timers, memory, usage,
        artifacts, satellites, confirmationTimeout, conversations, toolGate, lines);
  }

  /** A copy summing the language models' usage on {@code /api/usage} (null for none). */
  public HttpApiServices withUsage(ModelUsage usage) {
    return new HttpApiServices(health, database, dataDir, tools, agent, home, tasks, timers, memory, usage,
        artifacts, satellites, confirmationTimeout, conversations, toolGate, lines);
  }

  /** A copy serving this artifact store (null for none). */
  public HttpApiServices withArtifacts(ArtifactStore artifacts) {
    return new HttpApiServices(health, database, dataDir, tools, agent, home, tasks, timers, memory, usage,
        artifacts, satellites, confirmationTimeout, conversations, toolGate, lines);
  }

  /**
   * A copy knowing the satellites voice knows: those a conversation request may come through, and the list
   * {@code /api/satellites} shows.
   */
  public HttpApiServices withSatellites(SatelliteRooms satellites) {
    return new HttpApiServices(health, database, dataDir, tools, agent, home, tasks, timers, memory, usage,
        artifacts, satellites, confirmationTimeout, conversations, toolGate, lines);
  }

  /** A copy telling the console how long a confirmation question waits for its "yes". */
  public HttpApiServices withConfirmationTimeout(Duration confirmationTimeout) {
    return new HttpApiServices(health, database, dataDir, tools, agent, home, tasks, timers, memory, usage,
        artifacts, satellites, confirmationTimeout, conversations, toolGate, lines);
  }

  /** A copy listing the conversations the agent keeps on {@code /api/conversations} (null for none). */
  public HttpApiServices withConversations(ConversationLog conversations) {
    return new HttpApiServices(health, database, dataDir, tools, agent, home, tasks, timers, memory, usage,
        artifacts, satellites, confirmationTimeout, conversations, toolGate, lines);
  }

  /** A copy whose panel controls act through {@code toolGate}, the agent's policy point (null for none). */
  public HttpApiServices withToolGate(ToolGate toolGate) {
    return new HttpApiServices(health, database, dataDir, tools, agent, home, tasks, timers, memory, usage,
        artifacts, satellites, confirmationTimeout, conversations, toolGate, lines);
  }

  /** A copy whose console microphones speak into voice's pipeline through {@code lines} (null for none). */
  public HttpApiServices withSatelliteLines(SatelliteLines lines) {
    return new HttpApiServices(health, database, dataDir, tools, agent, home, tasks, timers, memory, usage,
        artifacts, satellites, confirmationTimeout, conversations, toolGate, lines);
  }

  /** Lines into voice's pipeline, for the console's microphone, when voice runs. */
  public Optional<SatelliteLines> satelliteLines() {
    return Optional.ofNullable(lines);
  }

  /** The agent's policy point, through which the console's controls act, when the agent runs. */
  public Optional<ToolGate> toolGate() {
    return Optional.ofNullable(toolGate);
  }

  /** The conversations the agent keeps, when it runs. */
  public Optional<ConversationLog> conversations() {
    return Optional.ofNullable(conversations);
  }

  /** How long a confirmation question waits for its "yes" (the console counts it down). */
  public Duration confirmationTimeout() {
    return confirmationTimeout;
  }

  /** Component states for {@code /health} and metrics. */
  public Health health() {
    return health;
  }

  /** The database of API keys and the audit log. */
  public Database database() {
    return database;
  }

  /** Where the console token is kept. */
  public Path dataDir() {
    return dataDir;
  }

  /** The tools ({@code /api/tools}); none unless given. */
  public ToolRegistry tools() {
    return tools;
  }

  /** The agent, when there is one. */
  public Optional<Agent> agent() {
    return Optional.ofNullable(agent);
  }

  /** Home Assistant, when there is one. */
  public Optional<HomeGateway> home() {
    return Optional.ofNullable(home);
  }

  /** Background tasks, when they run. */
  public Optional<TaskService> tasks() {
    return Optional.ofNullable(tasks);
  }

  /** The voice timers, when the agent runs. */
  public Optional<TimerService> timers() {
    return Optional.ofNullable(timers);
  }

  /** The language models' usage, when there are models. */
  public Optional<ModelUsage> usage() {
    return Optional.ofNullable(usage);
  }

  /** The memory store, when there is one. */
  public Optional<MemoryStore> memory() {
    return Optional.ofNullable(memory);
  }

  /** The artifact store, when there is one. */
  public Optional<ArtifactStore> artifacts() {
    return Optional.ofNullable(artifacts);
  }

  /** The satellites voice knows (a conversation request may come through one); none unless given. */
  public SatelliteRooms satellites() {
    return satellites;
  }
}
