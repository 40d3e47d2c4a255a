package io.harpou.bridge.vertx.http;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.memory.MemoryStore;
import io.harpou.bridge.api.task.TaskService;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.voice.Announcer;
import io.harpou.bridge.api.voice.SttService;
import io.harpou.bridge.api.voice.TtsService;
import io.harpou.bridge.vertx.BridgeContext;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.health.Health;
import io.harpou.bridge.vertx.tools.ToolRegistry;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Optional;

/** A bridge context for tests: a real database and health, hand-set services, the HTTP API started on port 0. */
final class TestContext implements BridgeContext {

  private final Vertx vertx;
  private final BridgeOptions options;
  private final Health health;
  private final Database database;
  private final ToolRegistry tools = ToolRegistry.builder(new JsonObject()).build();
  private Agent agent;
  private TaskService tasks;
  private MemoryStore memory;
  private HomeGateway home;
  private int port = -1;

  TestContext(Vertx vertx, Path dataDir, JsonObject http) {
    this.vertx = vertx;
    this.options = new BridgeOptions().setDataDir(dataDir)
        .setSection("http", new JsonObject().put("host", "127.0.0.1").put("port", 0).mergeIn(http));
    this.health = new Health(vertx).listen();
    this.database = Database.open(vertx, dataDir.resolve("harpou.db")).await();
  }

  /** Starts the HTTP API component; the Future fails as the component does. */
  Future<Void> startHttp() {
    return new HttpApiComponent().start(this);
  }

  String base() {
    return "http://127.0.0.1:" + port;
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
    return vertx.deployVerticle(verticle, deploymentOptions);
  }

  @Override
  public ToolContext toolContext(Utterance utterance) {
    return ToolContext.builder(vertx, utterance).build();
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
    return Optional.empty();
  }

  @Override
  public void announcer(Announcer announcer) {
  }

  @Override
  public Optional<SttService> stt() {
    return Optional.empty();
  }

  @Override
  public void stt(SttService stt) {
  }

  @Override
  public Optional<TtsService> tts() {
    return Optional.empty();
  }

  @Override
  public void tts(TtsService tts) {
  }

  @Override
  public int httpPort() {
    return port;
  }

  @Override
  public void httpPort(int port) {
    this.port = port;
  }
}
