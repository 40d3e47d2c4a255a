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
  final Bridge bridge;

  private TestHouse(VirtualHomeAssistant home, Bridge bridge) {
    this.home = home;
    this.bridge = bridge;
  }

  /** Starts the house with its data in {@code dir/data} and the given {@code http} section. */
  static TestHouse start(Vertx vertx, Path dir, JsonObject http) throws Exception {
    VirtualHomeAssistant home = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions()).start().await();
    BridgeOptions options = new BridgeOptions().setDataDir(dir.resolve("data")).setMonitorsEnabled(false)
        .setHttp(new HttpApiOptions(new JsonObject().put("host", "127.0.0.1").put("port", 0).mergeIn(http)))
        .setHomeAssistant(new HomeAssistantOptions().setUrl(home.url()).setToken(home.accessToken()));
    Bridge bridge = withTestHouseProvider(dir, () -> Bridge.create(vertx, options).start().await());
    return new TestHouse(home, bridge);
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

  /** Makes the test house provider discoverable to the bridge's ServiceLoader, for this call only. */
  private static <T> T withTestHouseProvider(Path dir, Callable<T> start) throws Exception {
    Path services = Files.createDirectories(dir.resolve("services/META-INF/services"));
    Files.writeString(services.resolve("io.harpou.bridge.api.tool.ToolProvider"),
        TestHouseProvider.class.getName() + "\n");
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
