package io.harpou.bridge.vertx.http;

import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * A whole Bridge (the real agent and policy, the Home Assistant client on the virtual home, the test house's light and
 * lock) with its HTTP API on 127.0.0.1 port 0, as the hub runs it.
 */
final class TestHouse implements AutoCloseable {

  final VirtualHomeAssistant home;
  private final Vertx vertx;
  private final Path dir;
  private final JsonObject http;
  private final JsonObject sections;
  Bridge bridge;

  private TestHouse(Vertx vertx, Path dir, VirtualHomeAssistant home, JsonObject http, JsonObject sections) {
    this.vertx = vertx;
    this.dir = dir;
    this.home = home;
    this.http = http;
    this.sections = sections;
  }

  /** Starts the house with its data in {@code dir/data} and the given {@code http} section. */
  static TestHouse start(Vertx vertx, Path dir, JsonObject http) throws Exception {
    return start(vertx, dir, http, new JsonObject());
  }

  /**
   * Starts the house with its data in {@code dir/data}, the given {@code http} section and other sections (merged
   * into the defaults: {@code home_assistant} keeps the virtual home's URL and token unless it names others).
   */
  static TestHouse start(Vertx vertx, Path dir, JsonObject http, JsonObject sections) throws Exception {
    return start(vertx, dir, http, sections, new VirtualHomeOptions());
  }

  /** Starts the house as {@link #start(Vertx, Path, JsonObject, JsonObject)} does, on a virtual home so configured. */
  static TestHouse start(Vertx vertx, Path dir, JsonObject http, JsonObject sections, VirtualHomeOptions homeOptions)
      throws Exception {
    VirtualHomeAssistant home = VirtualHomeAssistant.create(vertx, homeOptions).start().await();
    TestHouse house = new TestHouse(vertx, dir, home, http.copy(), sections);
    house.startHub();
    return house;
  }

  /** Starts the hub (again, after {@link #stopHub()}, on the same port). */
  void startHub() throws Exception {
    BridgeOptions options = new BridgeOptions().setDataDir(dir.resolve("data")).setMonitorsEnabled(false)
        .setSection("http", new JsonObject().put("host", "127.0.0.1").put("port", 0).mergeIn(http))
        .setSection("home_assistant", new JsonObject().put("url", home.url()).put("token", home.accessToken())
            .mergeIn(sections.getJsonObject("home_assistant", new JsonObject())));
    sections.fieldNames().stream().filter(name -> !name.equals("home_assistant"))
        .forEach(name -> options.setSection(name, sections.getJsonObject(name)));
    bridge = withTestHouseProvider(dir, () -> Bridge.create(vertx, options).start().await());
    http.put("port", bridge.httpPort());
  }

  /** Stops the hub, leaving the virtual home running. */
  void stopHub() {
    bridge.close().await();
  }

  /** Creates an API key in {@code dir}'s database from outside the bridge, as the keys command does. */
  static String createKey(Vertx vertx, Path dir, String name) {
    Database database = Database.open(vertx, dir.resolve("data/harpou.db")).await();
    try {
      return ApiKeys.open(database).await().create(name).await();
    } finally {
      database.close().await();
    }
  }

  int port() {
    return bridge.httpPort();
  }

  String state(String entityId) {
    return home.state(entityId).getString("state");
  }

  @Override
  public void close() {
    bridge.close().await();
    home.close().await();
  }

  /** Makes the test house's providers discoverable to the bridge's ServiceLoader, for this call only. */
  private static <T> T withTestHouseProvider(Path dir, Callable<T> start) throws Exception {
    Path services = Files.createDirectories(dir.resolve("services/META-INF/services"));
    Files.writeString(services.resolve("io.harpou.bridge.api.tool.ToolProvider"),
        TestHouseProvider.class.getName() + "\n");
    Files.writeString(services.resolve("io.harpou.bridge.api.voice.SpeechEngineProvider"),
        TestHouseSpeech.class.getName() + "\n");
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("services").toUri().toURL()},
        TestHouse.class.getClassLoader())) {
      thread.setContextClassLoader(loader);
      return start.call();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
