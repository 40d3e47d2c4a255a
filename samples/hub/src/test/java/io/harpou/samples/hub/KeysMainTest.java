package io.harpou.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.testkit.Await;
import io.harpou.testkit.pg.PostgresServer;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code harpou keys} finds the hub's data directory exactly as the hub does, so the keys it makes are the hub's, and
 * uses the database the hubs share when there is one.
 */
class KeysMainTest {

  private final Vertx vertx = Vertx.vertx();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private int keys(Map<String, String> env, String... args) {
    out.reset();
    return KeysMain.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8).trim();
  }

  @Test
  void should_make_a_key_the_hub_accepts_when_the_data_directory_comes_from_the_environment() {
    Map<String, String> env = Map.of("HARPOU_DATA_DIR", dir.resolve("x").toString());

    assertThat(keys(env, "create", "me")).isZero();
    String key = printed();
    JsonObject config = HubConfig.load(HubArguments.parse(new String[] {"--http-port", "0", "--wyoming-port", "0"}),
        env).put("monitors", new JsonObject().put("enabled", false));
    HubVerticle hub = new HubVerticle();
    vertx.deployVerticle(hub, new DeploymentOptions().setConfig(config)).await();
    WebClient web = WebClient.create(vertx);

    assertThat(Files.exists(dir.resolve("x/harpou.db"))).isTrue();
    assertThat(web.get(hub.bridge().httpPort(), "127.0.0.1", "/api/tools").putHeader("Authorization",
        "Bearer " + key).send().await().statusCode()).isEqualTo(200);
    assertThat(web.get(hub.bridge().httpPort(), "127.0.0.1", "/api/tools").send().await().statusCode())
        .as("the hub knows it has a key now").isEqualTo(401);
  }

  @Test
  void should_make_a_key_every_hub_on_the_shared_database_accepts_and_refuse_it_on_all_once_revoked()
      throws Exception {
    try (PostgresServer postgres = PostgresServer.start()) {
      String url = postgres.newDatabase();
      assertThat(keys(Map.of("HARPOU_DATABASE_URL", url), "create", "tablet")).isZero();
      String key = printed();
      // A second key keeps the hubs closed to keyless programs on this machine once the first is revoked.
      assertThat(keys(Map.of("HARPOU_DATABASE_URL", url), "create", "phone")).isZero();
      // Two hubs with their own data directories, beyond loopback: they start because the shared key exists.
      WebClient web = WebClient.create(vertx);
      int[] ports = new int[2];
      List<String> hubs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        JsonObject config = HubConfig.load(HubArguments.parse(new String[] {"--http-host", "0.0.0.0",
            "--http-port", "0", "--wyoming-port", "0"}), Map.of("HARPOU_DATA_DIR", dir.resolve("hub" + i).toString(),
            "HARPOU_DATABASE_URL", url))
            .put("memory", new JsonObject().put("enabled", false))
            .put("monitors", new JsonObject().put("enabled", false));
        HubVerticle hub = new HubVerticle();
        hubs.add(vertx.deployVerticle(hub, new DeploymentOptions().setConfig(config)).await());
        ports[i] = hub.bridge().httpPort();
      }

      for (int port : ports) {
        assertThat(status(web, port, key)).isEqualTo(200);
        assertThat(status(web, port, null)).isEqualTo(401);
      }
      assertThat(keys(Map.of("HARPOU_DATABASE_URL", url), "revoke", "tablet")).isZero();
      for (int port : ports) {
        Await.until("the revoked key refused on the hub at " + port, () -> status(web, port, key) == 401);
      }
      assertThat(Files.exists(dir.resolve("hub0/harpou.db"))).as("what stays per hub still has its file").isTrue();
      // The hubs stop before their database does.
      hubs.forEach(id -> vertx.undeploy(id).await());
    }
  }

  private static int status(WebClient web, int port, String key) {
    var request = web.get(port, "127.0.0.1", "/api/tools");
    if (key != null) {
      request.putHeader("Authorization", "Bearer " + key);
    }
    return request.send().await().statusCode();
  }

  @Test
  void should_read_the_config_file_and_let_the_environment_then_the_flags_override_it() throws Exception {
    Path file = Files.writeString(dir.resolve("harpou.json"),
        new JsonObject().put("data_dir", dir.resolve("from-file").toString()).encode());

    assertThat(keys(Map.of(), "--config", file.toString(), "create", "a")).isZero();
    assertThat(keys(Map.of("HARPOU_DATA_DIR", dir.resolve("from-env").toString()), "create", "b",
        "--config=" + file)).isZero();
    assertThat(keys(Map.of("HARPOU_DATA_DIR", dir.resolve("from-env").toString()), "--config", file.toString(),
        "--data-dir", dir.resolve("from-flag").toString(), "create", "c")).isZero();

    assertThat(keys(Map.of(), "--config", file.toString(), "list")).isZero();
    assertThat(printed()).startsWith("a\t").doesNotContain("b\t").doesNotContain("c\t");
    assertThat(keys(Map.of("HARPOU_DATA_DIR", dir.resolve("from-env").toString()), "list")).isZero();
    assertThat(printed()).startsWith("b\t");
    assertThat(keys(Map.of(), "--data-dir", dir.resolve("from-flag").toString(), "list")).isZero();
    assertThat(printed()).startsWith("c\t");
  }

  @Test
  void should_say_what_is_wrong_with_the_configuration_instead_of_using_another_directory() {
    assertThat(keys(Map.of(), "--config", dir.resolve("missing.json").toString(), "list")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing.json");
    assertThat(keys(Map.of("HARPOU_DATA_DIR", dir.resolve("nowhere").toString()), "list")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(dir.resolve("nowhere").toString());
  }
}
