package io.harpou.bridge.vertx.mqtt;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.task.TaskService;
import io.harpou.bridge.api.timer.TimerService;
import io.harpou.bridge.api.voice.Announcer;
import io.harpou.bridge.api.voice.SatelliteControl;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.health.Health;
import io.vertx.core.Future;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What MQTT discovery shows and drives, fixed when it starts: health, the database that keeps token counts, the model
 * in use, and each part that may be absent (the agent, announcements, tasks, voice timers, satellites). An entity whose part is
 * absent is not published.
 */
public final class MqttServices {

  private final Health health;
  private final Database database;
  private final String model;
  private final Agent agent;
  private final Announcer announcer;
  private final TaskService tasks;
  private final TimerService timers;
  private final Supplier<List<MqttSatellite>> satellites;
  private final SatelliteControl satelliteControl;
  private final Future<AuditLog> audit;

  private MqttServices(Health health, Database database, String model, Agent agent, Announcer announcer,
                       TaskService tasks, TimerService timers, Supplier<List<MqttSatellite>> satellites,
                       SatelliteControl control, Future<AuditLog> audit) {
    this.health = Objects.requireNonNull(health, "health");
    this.database = Objects.requireNonNull(database, "database");
    this.model = model;
    this.agent = agent;
    this.announcer = announcer;
    this.tasks = tasks;
    this.timers = timers;
    this.satellites = satellites;
    this.satelliteControl = control;
    this.audit = audit;
  }

  /** The required parts; every other part starts absent. */
  public static MqttServices of(Health health, Database database) {
    return new MqttServices(health, database, null, null, null, null, null, null, null, null);
  }

  /** A copy answering the conversation entity with {@code agent}, whose model is {@code model} (nulls for none). */
  public MqttServices withAgent(Agent agent, String model) {
    return new MqttServices(health, database, model, agent, announcer, tasks, timers, satellites, satelliteControl, audit);
  }

  /** A copy speaking the announce entities through {@code announcer} (null for none). */
  public MqttServices withAnnouncer(Announcer announcer) {
    return new MqttServices(health, database, model, agent, announcer, tasks, timers, satellites, satelliteControl, audit);
  }

  /** A copy showing these background tasks (null for none). */
  public MqttServices withTasks(TaskService tasks) {
    return new MqttServices(health, database, model, agent, announcer, tasks, timers, satellites, satelliteControl, audit);
  }

  /** A copy showing these voice timers, which the cancel button cancels (null for none). */
  public MqttServices withTimers(TimerService timers) {
    return new MqttServices(health, database, model, agent, announcer, tasks, timers, satellites, satelliteControl, audit);
  }

  /** A copy publishing each of these satellites as a device, whose switches act through {@code control}. */
  public MqttServices withSatellites(Supplier<List<MqttSatellite>> list, SatelliteControl control) {
    return new MqttServices(health, database, model, agent, announcer, tasks, timers, list, control, audit);
  }

  /**
   * A copy auditing the broker's commands in {@code audit} (the log hubs sharing a database keep) instead of the
   * database's own.
   */
  public MqttServices withAuditLog(Future<AuditLog> audit) {
    return new MqttServices(health, database, model, agent, announcer, tasks, timers, satellites, satelliteControl,
        audit);
  }

  /** Where the broker's commands are audited: the log given, else the database's. */
  public Future<AuditLog> auditLog() {
    return audit != null ? audit : AuditLog.open(database);
  }

  /** Component states, for the hub's status sensor. */
  public Health health() {
    return health;
  }

  /** The database keeping the token counts. */
  public Database database() {
    return database;
  }

  /** The model in use, when the agent has one. */
  public Optional<String> model() {
    return Optional.ofNullable(model);
  }

  /** The agent, when there is one. */
  public Optional<Agent> agent() {
    return Optional.ofNullable(agent);
  }

  /** Announcements, when voice runs. */
  public Optional<Announcer> announcer() {
    return Optional.ofNullable(announcer);
  }

  /** Background tasks, when they run. */
  public Optional<TaskService> tasks() {
    return Optional.ofNullable(tasks);
  }

  /** The voice timers, when they run. */
  public Optional<TimerService> timers() {
    return Optional.ofNullable(timers);
  }

  /** The satellites voice knows now; empty when voice does not run. */
  public List<MqttSatellite> satellites() {
    return satellites == null ? List.of() : satellites.get();
  }

  /** The satellites' settings, when voice runs. */
  public Optional<SatelliteControl> satelliteControl() {
    return Optional.ofNullable(satelliteControl);
  }
}
