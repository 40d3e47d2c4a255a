package io.harpou.bridge.vertx.impl;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.memory.MemoryStore;
import io.harpou.bridge.api.task.TaskService;
import io.harpou.bridge.api.timer.TimerService;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.voice.Announcer;
import io.harpou.bridge.api.voice.SttService;
import io.harpou.bridge.api.voice.TtsService;
import io.harpou.bridge.vertx.BridgeContext;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.health.Health;
import io.harpou.bridge.vertx.tools.ToolRegistry;
import io.harpou.bridge.vertx.voice.Satellites;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The bridge's shared services, filled in as components start. Public so tests can run one component on a real
 * database without starting the whole bridge.
 */
public class Services implements BridgeContext {

  private final Vertx vertx;
  private final BridgeOptions options;
  private final Health health;
  private final Database database;
  private final ToolRegistry tools;
  final Deque<String> deployments = new ArrayDeque<>();
  private volatile HomeGateway home;
  private volatile Agent agent;
  private volatile TaskService tasks;
  private volatile MemoryStore memory;
  private volatile Announcer announcer;
  private volatile SttService stt;
  private volatile TtsService tts;
  private volatile Satellites satellites;
  private volatile TimerService timers;
  private volatile int httpPort = -1;

  /** Creates the services around an open database and a loaded registry; every other service starts absent. */
  public Services(Vertx vertx, BridgeOptions options, Health health, Database database, ToolRegistry tools) {
    this.vertx = vertx;
    this.options = options;
    this.health = health;
    this.database = database;
    this.tools = tools;
  }

  @Override
  public Vertx vertx() {
    return vertx;
  }

  @Override
  public BridgeOptions options() {
    return options;
  }

  @Override
  public Health health() {
    return health;
  }

  @Override
  public Database database() {
    return database;
  }

  @Override
  public ToolRegistry tools() {
    return tools;
  }

  @Override
  public Future<String> deploy(Deployable verticle, DeploymentOptions deploymentOptions) {
    return vertx.deployVerticle(verticle, deploymentOptions).onSuccess(deployments::push);
  }

  @Override
  public ToolContext toolContext(Utterance utterance) {
    return ToolContext.builder(vertx, utterance).dataDir(options.dataDir()).home(home).memory(memory).tasks(tasks)
        .announcer(announcer).timers(timers).build();
  }

  @Override
  public Optional<HomeGateway> home() {
    return Optional.ofNullable(home);
  }

  @Override
  public void home(HomeGateway home) {
    this.home = home;
  }

  @Override
  public Optional<Agent> agent() {
    return Optional.ofNullable(agent);
  }

  @Override
  public void agent(Agent agent) {
    this.agent = agent;
  }

  @Override
  public Optional<TaskService> tasks() {
    return Optional.ofNullable(tasks);
  }

  @Override
  public void tasks(TaskService tasks) {
    this.tasks = tasks;
  }

  @Override
  public Optional<MemoryStore> memory() {
    return Optional.ofNullable(memory);
  }

  @Override
  public void memory(MemoryStore memory) {
    this.memory = memory;
  }

  @Override
  public Optional<Announcer> announcer() {
    return Optional.ofNullable(announcer);
  }

  @Override
  public void announcer(Announcer announcer) {
    this.announcer = announcer;
  }

  @Override
  public Optional<SttService> stt() {
    return Optional.ofNullable(stt);
  }

  @Override
  public void stt(SttService stt) {
    this.stt = stt;
  }

  @Override
  public Optional<TtsService> tts() {
    return Optional.ofNullable(tts);
  }

  @Override
  public void tts(TtsService tts) {
    this.tts = tts;
  }

  @Override
  public Optional<TimerService> timers() {
    return Optional.ofNullable(timers);
  }

  @Override
  public void timers(TimerService timers) {
    this.timers = timers;
  }

  @Override
  public Optional<Satellites> satellites() {
    return Optional.ofNullable(satellites);
  }

  @Override
  public void satellites(Satellites satellites) {
    this.satellites = satellites;
  }

  @Override
  public int httpPort() {
    return httpPort;
  }

  @Override
  public void httpPort(int port) {
    this.httpPort = port;
  }
}
