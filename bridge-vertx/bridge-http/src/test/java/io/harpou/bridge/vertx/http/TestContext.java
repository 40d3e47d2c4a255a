package io.harpou.bridge.vertx.http;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.artifact.ArtifactStore;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.memory.MemoryStore;
import io.harpou.bridge.api.task.TaskService;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.health.Health;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The HTTP API for tests: a real database and health, services chosen by the test, the API on port 0, reported in
 * health as the bridge reports it. Setting a
 * service restarts a running API with it, as the bridge starts the API with the services it has.
 */
final class TestContext {

  private final Vertx vertx;
  private final Path dataDir;
  private final HttpApiOptions options;
  private final Database database;
  private HttpApiServices services;
  private final Map<String, String> keys = new HashMap<>();
  private HttpApi api;

  TestContext(Vertx vertx, Path dataDir, JsonObject http) {
    this.vertx = vertx;
    this.dataDir = dataDir;
    this.options = new HttpApiOptions(new JsonObject().put("host", "127.0.0.1").put("port", 0).mergeIn(http));
    this.database = Database.open(vertx, dataDir.resolve("harpou.db")).await();
    this.services = HttpApiServices.builder(new Health(vertx).listen(), database, dataDir).build();
  }

  /** Starts the HTTP API; the Future fails as the API's start does. */
  Future<Void> startHttp() {
    return HttpApi.start(vertx, options, services).map(started -> {
      api = started;
      services.health().report("http", "listening", started.describe());
      return null;
    });
  }

  void agent(Agent agent) {
    restartWith(services.toBuilder().agent(agent).build());
  }

  void home(HomeGateway home) {
    restartWith(services.toBuilder().home(home).build());
  }

  void satellites(SatelliteRooms satellites) {
    restartWith(services.toBuilder().satellites(satellites).build());
  }

  void tasks(TaskService tasks) {
    restartWith(services.toBuilder().tasks(tasks).build());
  }

  void memory(MemoryStore memory) {
    restartWith(services.toBuilder().memory(memory).build());
  }

  void artifacts(ArtifactStore artifacts) {
    restartWith(services.toBuilder().artifacts(artifacts).build());
  }

  private void restartWith(HttpApiServices changed) {
    services = changed;
    if (api != null) {
      api.close().await();
      api = null;
      startHttp().await();
    }
  }

  /** API keys a test created, by name. */
  Map<String, String> keys() {
    return keys;
  }

  Database database() {
    return database;
  }

  int httpPort() {
    return api == null ? -1 : api.port();
  }

  String base() {
    return "http://127.0.0.1:" + httpPort();
  }
}
