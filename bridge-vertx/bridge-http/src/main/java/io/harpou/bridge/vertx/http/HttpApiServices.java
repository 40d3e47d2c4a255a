package io.harpou.bridge.vertx.http;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.artifact.ArtifactStore;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.memory.MemoryStore;
import io.harpou.bridge.api.task.TaskService;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.health.Health;
import io.harpou.bridge.vertx.model.ModelUsage;
import io.harpou.bridge.vertx.tools.ToolRegistry;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the HTTP API serves, fixed when it starts: health, the store that keeps API keys and the audit log, the
 * data directory of the console token, and the services its endpoints reach. An endpoint whose service is absent
 * answers 503.
 */
public final class HttpApiServices {

  private final Health health;
  private final HttpStore store;
  private final Path dataDir;
  private final ToolRegistry tools;
  private final Agent agent;
  private final HomeGateway home;
  private final TaskService tasks;
  private final MemoryStore memory;
  private final ModelUsage usage;
  private final ArtifactStore artifacts;
  private final SatelliteRooms satellites;

  private HttpApiServices(Health health, HttpStore store, Path dataDir, ToolRegistry tools, Agent agent,
                          HomeGateway home, TaskService tasks, MemoryStore memory, ModelUsage usage,
                          ArtifactStore artifacts, SatelliteRooms satellites) {
    this.health = Objects.requireNonNull(health, "health");
    this.store = Objects.requireNonNull(store, "store");
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    this.tools = Objects.requireNonNull(tools, "tools");
    this.agent = agent;
    this.home = home;
    this.tasks = tasks;
    this.memory = memory;
    this.usage = usage;
    this.artifacts = artifacts;
    this.satellites = Objects.requireNonNull(satellites, "satellites");
  }

  /** The required parts; every service starts absent. */
  public static HttpApiServices of(Health health, Database database, Path dataDir) {
    return new HttpApiServices(health, HttpStore.of(database), dataDir, ToolRegistry.builder(null).build(), null,
        null, null, null, null, null, SatelliteRooms.NONE);
  }

  /** A copy that keeps the API keys and reads the audit log in {@code store}, such as a database hubs share. */
  public HttpApiServices withStore(HttpStore store) {
    return new HttpApiServices(health, store, dataDir, tools, agent, home, tasks, memory, usage, artifacts,
        satellites);
  }

  /** A copy listing these tools on {@code /api/tools}. */
  public HttpApiServices withTools(ToolRegistry tools) {
    return new HttpApiServices(health, store, dataDir, tools, agent, home, this.tasks, memory, usage, artifacts,
        satellites);
  }

  /** A copy answering conversations with {@code agent} (null for none). */
  public HttpApiServices withAgent(Agent agent) {
    return new HttpApiServices(health, store, dataDir, tools, agent, home, tasks, memory, usage, artifacts,
        satellites);
  }

  /** A copy showing this home (null for none). */
  public HttpApiServices withHome(HomeGateway home) {
    return new HttpApiServices(health, store, dataDir, tools, agent, home, tasks, memory, usage, artifacts,
        satellites);
  }

  /** A copy listing these tasks (null for none). */
  public HttpApiServices withTasks(TaskService tasks) {
    return new HttpApiServices(health, store, dataDir, tools, agent, home, tasks, memory, usage, artifacts,
        satellites);
  }

  /** A copy serving this memory store (null for none). */
  public HttpApiServices withMemory(MemoryStore memory) {
    return new HttpApiServices(health, store, dataDir, tools, agent, home, tasks, memory, usage, artifacts,
        satellites);
  }

  /** A copy summing the language models' usage on {@code /api/usage} (null for none). */
  public HttpApiServices withUsage(ModelUsage usage) {
    return new HttpApiServices(health, store, dataDir, tools, agent, home, tasks, memory, usage, artifacts,
        satellites);
  }

  /** A copy serving this artifact store (null for none). */
  public HttpApiServices withArtifacts(ArtifactStore artifacts) {
    return new HttpApiServices(health, store, dataDir, tools, agent, home, tasks, memory, usage, artifacts,
        satellites);
  }

  /** A copy taking the satellites a conversation request may come through from {@code satellites}. */
  public HttpApiServices withSatellites(SatelliteRooms satellites) {
    return new HttpApiServices(health, store, dataDir, tools, agent, home, tasks, memory, usage, artifacts,
        satellites);
  }

  /** Component states for {@code /health} and metrics. */
  public Health health() {
    return health;
  }

  /** Where the API keys and the audit log are kept. */
  public HttpStore store() {
    return store;
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

  /** The satellites a conversation request may come through; none unless given. */
  public SatelliteRooms satellites() {
    return satellites;
  }
}
