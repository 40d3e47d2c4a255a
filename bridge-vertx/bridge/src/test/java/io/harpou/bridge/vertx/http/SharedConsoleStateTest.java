package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.testkit.Await;
import io.harpou.testkit.pg.PostgresServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two hubs, each in its own Vert.x with its own data directory and console, on one real PostgreSQL database: what
 * the household saves in one hub's console (the settings, an agent profile) the other hub's console shows.
 */
class SharedConsoleStateTest {

  private static PostgresServer server;

  private final Vertx first = Vertx.vertx();
  private final Vertx second = Vertx.vertx();

  @TempDir
  Path dir;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @AfterEach
  void close() {
    first.close().await();
    second.close().await();
  }

  @Test
  void should_show_on_one_hubs_console_the_settings_and_profile_saved_on_the_others() throws Exception {
    JsonObject shared = new JsonObject().put("database", new JsonObject().put("url", server.newDatabase()));
    try (TestHouse one = TestHouse.start(first, dir.resolve("one"), new JsonObject(), shared);
         TestHouse other = TestHouse.start(second, dir.resolve("other"), new JsonObject(), shared)) {
      RawHttp.Response saved = RawHttp.exchange(one.port(), "PUT", "/api/settings", console(one),
          "{\"persona\":\"You are Alfred.\",\"hidden_entities\":[\"lock.front_door\"]}");
      assertThat(saved.status()).isEqualTo(200);
      RawHttp.Response created = RawHttp.exchange(one.port(), "POST", "/api/profiles", console(one),
          "{\"id\":\"chef\",\"name\":\"Chef\",\"persona\":\"You are Chef.\",\"rooms\":[\"kitchen\"]}");
      assertThat(created.status()).isEqualTo(201);

      Await.until("the other console shows Alfred", () -> read(other, "/api/settings").getString("persona")
          .equals("You are Alfred."));
      assertThat(read(other, "/api/settings").getJsonArray("hidden_entities").getList())
          .containsExactly("lock.front_door");
      Await.until("the other console lists Chef", () -> read(other, "/api/profiles").getJsonArray("profiles")
          .stream().anyMatch(p -> ((JsonObject) p).getString("id").equals("chef")));
    }
  }

  private static JsonObject read(TestHouse house, String path) {
    RawHttp.Response response = RawHttp.exchange(house.port(), "GET", path, console(house), null);
    assertThat(response.status()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  /** The console's own credential: its token, from this machine. */
  private static Map<String, String> console(TestHouse house) {
    String url = house.bridge.consoleUrl().orElseThrow();
    return Map.of("Content-Type", "application/json", "Authorization", "Bearer "
        + url.substring(url.indexOf("#token=") + "#token=".length()));
  }
}
