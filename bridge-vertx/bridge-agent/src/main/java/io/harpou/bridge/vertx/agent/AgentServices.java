package io.harpou.bridge.vertx.agent;

import io.harpou.bridge.api.agent.AgentProfiles;
import io.harpou.bridge.api.artifact.ArtifactStore;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.memory.MemoryStore;
import io.harpou.bridge.api.vision.VisionModel;
import io.harpou.bridge.api.voice.Announcer;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.tools.ToolRegistry;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the agent works with, fixed when it is made: the tools, the store that keeps its audit log, history and
 * tasks, the data directory tools may write in, and the services tools may reach. A service left out is absent for
 * every tool; nothing is added later.
 */
public final class AgentServices {

  private final ToolRegistry tools;
  private final Database database;
  private final AgentStore store;
  private final Path dataDir;
  private final HomeGateway home;
  private final MemoryStore memory;
  private final Announcer announcer;
  private final AgentProfiles profiles;
  private final ArtifactStore artifacts;
  private final VisionModel vision;

  private AgentServices(ToolRegistry tools, Database database, AgentStore store, Path dataDir, HomeGateway home,
                        MemoryStore memory, Announcer announcer, AgentProfiles profiles, ArtifactStore artifacts,
                        VisionModel vision) {
    this.tools = Objects.requireNonNull(tools, "tools");
    this.database = Objects.requireNonNull(database, "database");
    this.store = store == null ? AgentStore.of(database) : store;
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    this.home = home;
    this.memory = memory;
    this.announcer = announcer;
    this.profiles = profiles == null ? AgentProfiles.NONE : profiles;
    this.artifacts = artifacts;
    this.vision = vision;
  }

  /** The required parts; the optional ones start absent. */
  public static AgentServices of(ToolRegistry tools, Database database, Path dataDir) {
    return new AgentServices(tools, database, null, dataDir, null, null, null, null, null, null);
  }

  /**
   * A copy that keeps the audit log, the history and the tasks in {@code store} (null for the embedded database),
   * such as PostgreSQL shared by several hubs.
   */
  public AgentServices withStore(AgentStore store) {
    return new AgentServices(tools, database, store, dataDir, home, memory, announcer, profiles, artifacts, vision);
  }

  /** A copy with Home Assistant (null for none). */
  public AgentServices withHome(HomeGateway home) {
    return new AgentServices(tools, database, store, dataDir, home, memory, announcer, profiles, artifacts, vision);
  }

  /** A copy with the memory store (null for none). */
  public AgentServices withMemory(MemoryStore memory) {
    return new AgentServices(tools, database, store, dataDir, home, memory, announcer, profiles, artifacts, vision);
  }

  /** A copy with the announcer that speaks in rooms (null for none). */
  public AgentServices withAnnouncer(Announcer announcer) {
    return new AgentServices(tools, database, store, dataDir, home, memory, announcer, profiles, artifacts, vision);
  }

  /** A copy whose utterances are answered by these agent profiles (null for none). */
  public AgentServices withProfiles(AgentProfiles profiles) {
    return new AgentServices(tools, database, store, dataDir, home, memory, announcer, profiles, artifacts, vision);
  }

  /** The agent profiles: which persona answers an utterance and which tools it may use. */
  public AgentProfiles profiles() {
    return profiles;
  }

  /** A copy with the artifact store tools keep what they make in (null for none). */
  public AgentServices withArtifacts(ArtifactStore artifacts) {
    return new AgentServices(tools, database, store, dataDir, home, memory, announcer, profiles, artifacts, vision);
  }

  /** A copy with the model that reads images (null for none). */
  public AgentServices withVision(VisionModel vision) {
    return new AgentServices(tools, database, store, dataDir, home, memory, announcer, profiles, artifacts, vision);
  }

  /** The tools and interpreters. */
  public ToolRegistry tools() {
    return tools;
  }

  /** The embedded database, for what stays on this hub (the models' usage ledger). */
  public Database database() {
    return database;
  }

  /** Where the audit log, the conversation history and the tasks are kept. */
  public AgentStore store() {
    return store;
  }

  /** Where tools may write files. */
  public Path dataDir() {
    return dataDir;
  }

  /** Home Assistant, when there is one. */
  public Optional<HomeGateway> home() {
    return Optional.ofNullable(home);
  }

  /** The memory store, when there is one. */
  public Optional<MemoryStore> memory() {
    return Optional.ofNullable(memory);
  }

  /** Speaks in rooms, when there is a way to. */
  public Optional<Announcer> announcer() {
    return Optional.ofNullable(announcer);
  }

  /** The artifact store, when there is one. */
  public Optional<ArtifactStore> artifacts() {
    return Optional.ofNullable(artifacts);
  }

  /** The vision model, when one is configured. */
  public Optional<VisionModel> vision() {
    return Optional.ofNullable(vision);
  }
}
