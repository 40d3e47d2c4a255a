package io.harpou.bridge.vertx.agent;

import io.harpou.bridge.api.agent.AgentProfiles;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.memory.MemoryStore;
import io.harpou.bridge.api.voice.Announcer;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.tools.ToolRegistry;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the agent works with, fixed when it is made: the tools, the database that keeps its audit log, history and
 * tasks, the data directory tools may write in, and the services tools may reach. A service left out is absent for
 * every tool; nothing is added later.
 */
public final class AgentServices {

  private final ToolRegistry tools;
  private final Database database;
  private final Path dataDir;
  private final HomeGateway home;
  private final MemoryStore memory;
  private final Announcer announcer;
  private final AgentProfiles profiles;

  private AgentServices(ToolRegistry tools, Database database, Path dataDir, HomeGateway home, MemoryStore memory,
                        Announcer announcer, AgentProfiles profiles) {
    this.tools = Objects.requireNonNull(tools, "tools");
    this.database = Objects.requireNonNull(database, "database");
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    this.home = home;
    this.memory = memory;
    this.announcer = announcer;
    this.profiles = profiles == null ? AgentProfiles.NONE : profiles;
  }

  /** The required parts; the optional ones start absent. */
  public static AgentServices of(ToolRegistry tools, Database database, Path dataDir) {
    return new AgentServices(tools, database, dataDir, null, null, null, null);
  }

  /** A copy with Home Assistant (null for none). */
  public AgentServices withHome(HomeGateway home) {
    return new AgentServices(tools, database, dataDir, home, memory, announcer, profiles);
  }

  /** A copy with the memory store (null for none). */
  public AgentServices withMemory(MemoryStore memory) {
    return new AgentServices(tools, database, dataDir, home, memory, announcer, profiles);
  }

  /** A copy with the announcer that speaks in rooms (null for none). */
  public AgentServices withAnnouncer(Announcer announcer) {
    return new AgentServices(tools, database, dataDir, home, memory, announcer, profiles);
  }

  /** A copy whose utterances are answered by these agent profiles (null for none). */
  public AgentServices withProfiles(AgentProfiles profiles) {
    return new AgentServices(tools, database, dataDir, home, memory, announcer, profiles);
  }

  /** The agent profiles: which persona answers an utterance and which tools it may use. */
  public AgentProfiles profiles() {
    return profiles;
  }

  /** The tools and interpreters. */
  public ToolRegistry tools() {
    return tools;
  }

  /** The database for the audit log, the conversation history and the tasks. */
  public Database database() {
    return database;
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
}
