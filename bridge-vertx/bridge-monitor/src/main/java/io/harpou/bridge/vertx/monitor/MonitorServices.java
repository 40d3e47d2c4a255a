package io.harpou.bridge.vertx.monitor;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.monitor.Monitor;
import io.harpou.bridge.api.voice.Announcer;
import io.harpou.bridge.vertx.health.Health;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What the monitors work with, fixed when they start: the hub's health (its components are watched), the data
 * directory monitors may read, the monitors the tool providers contribute, and the services alerts and repairs reach.
 * A service left out is absent: without Home Assistant its link is not watched and nobody is notified there, without
 * the agent alerts open no repair, without an announcer no room hears them. Nothing is added later.
 */
public final class MonitorServices {

  private final Health health;
  private final Path dataDir;
  private final List<Monitor> monitors;
  private final HomeGateway home;
  private final Agent agent;
  private final Announcer announcer;
  private final BooleanSupplier householdDuties;

  private MonitorServices(Health health, Path dataDir, List<Monitor> monitors, HomeGateway home, Agent agent,
                          Announcer announcer, BooleanSupplier householdDuties) {
    this.health = Objects.requireNonNull(health, "health");
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    this.monitors = List.copyOf(monitors);
    this.home = home;
    this.agent = agent;
    this.announcer = announcer;
    this.householdDuties = householdDuties;
  }

  /** The required parts; no contributed monitor, and every service absent. */
  public static MonitorServices of(Health health, Path dataDir) {
    return new MonitorServices(health, dataDir, List.of(), null, null, null, () -> true);
  }

  /** A copy running these monitors besides the hub's own (the tool providers' monitors). */
  public MonitorServices withMonitors(List<Monitor> monitors) {
    return new MonitorServices(health, dataDir, monitors, home, agent, announcer, householdDuties);
  }

  /** A copy watching and notifying this Home Assistant (null for none). */
  public MonitorServices withHome(HomeGateway home) {
    return new MonitorServices(health, dataDir, monitors, home, agent, announcer, householdDuties);
  }

  /** A copy whose alerts open repair sessions with {@code agent} (null for none). */
  public MonitorServices withAgent(Agent agent) {
    return new MonitorServices(health, dataDir, monitors, home, agent, announcer, householdDuties);
  }

  /** A copy announcing alerts in rooms through {@code announcer} (null for none). */
  public MonitorServices withAnnouncer(Announcer announcer) {
    return new MonitorServices(health, dataDir, monitors, home, agent, announcer, householdDuties);
  }

  /**
   * A copy that watches the household (the Home Assistant link) only while {@code duties} says so: in a cluster whose
   * nodes share one configuration, one node at a time alerts about the household, while each still watches its own
   * machine (disks, load, containers, its components).
   */
  public MonitorServices withHouseholdDuties(BooleanSupplier duties) {
    return new MonitorServices(health, dataDir, monitors, home, agent, announcer, duties == null ? () -> true : duties);
  }

  /** True while this node watches the household; always on a single hub. */
  public boolean watchesHousehold() {
    return householdDuties.getAsBoolean();
  }

  /** The components' states, watched by the components monitor. */
  public Health health() {
    return health;
  }

  /** The data directory, given to every check. */
  public Path dataDir() {
    return dataDir;
  }

  /** The contributed monitors. */
  public List<Monitor> monitors() {
    return monitors;
  }

  /** Home Assistant, when there is one. */
  public Optional<HomeGateway> home() {
    return Optional.ofNullable(home);
  }

  /** The agent that runs repair sessions, when there is one. */
  public Optional<Agent> agent() {
    return Optional.ofNullable(agent);
  }

  /** Speaks in rooms, when there is a way to. */
  public Optional<Announcer> announcer() {
    return Optional.ofNullable(announcer);
  }
}
