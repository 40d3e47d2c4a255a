package io.harpou.bridge.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.vertx.db.UnusableDatabaseException;
import io.harpou.bridge.vertx.http.HttpApiOptions;
import io.harpou.bridge.vertx.http.KeysCommand;
import io.harpou.bridge.vertx.monitor.MonitorRuntime;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BridgeTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dataDir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private BridgeOptions options() {
    return new BridgeOptions().setDataDir(dataDir).setMonitorsEnabled(false)
        .setHttp(new HttpApiOptions().setHost("127.0.0.1").setPort(0));
  }

  @Test
  void should_answer_health_with_every_component_and_undeploy_everything_on_close() {
    Bridge bridge = Bridge.create(vertx, options()).start().await();

    HttpResponse<Buffer> response = WebClient.create(vertx)
        .get(bridge.httpPort(), "127.0.0.1", "/health").send().await();

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("status")).isEqualTo("up");
    assertThat(body.getJsonObject("components").fieldNames()).contains("tools", "database");
    assertThat(body.getJsonObject("components").getJsonObject("tools").getString("detail")).contains("system");
    assertThat(vertx.deploymentIDs()).isNotEmpty();

    bridge.close().await();

    assertThat(vertx.deploymentIDs()).isEmpty();
    assertThat(bridge.deploymentIds()).isEmpty();
    assertThat(dataDir.resolve("harpou.db")).exists();
  }

  @Test
  void should_watch_the_machine_only_when_the_monitors_are_left_on() {
    Bridge quiet = Bridge.create(vertx, options()).start().await();
    boolean quietWatches = quiet.health().toJson().getJsonObject("components").containsKey(MonitorRuntime.COMPONENT);
    quiet.close().await();
    Bridge watching = Bridge.create(vertx, options().setMonitorsEnabled(true)).start().await();

    assertThat(quietWatches).isFalse();
    assertThat(watching.health().toJson().getJsonObject("components").containsKey(MonitorRuntime.COMPONENT))
        .isTrue();
    watching.close().await();
  }

  @Test
  void should_fail_to_start_with_a_clear_error_and_leave_nothing_running() {
    BridgeOptions bad = options().setTools(new JsonObject().put("enabled", new JsonArray().add("nope")));

    assertThatThrownBy(() -> Bridge.create(vertx, bad).start().await()).isInstanceOf(BridgeException.class)
        .hasMessageContaining("'nope'");
    assertThat(vertx.deploymentIDs()).isEmpty();
  }

  @Test
  void should_close_what_started_when_the_http_port_is_taken() {
    Bridge first = Bridge.create(vertx, options()).start().await();
    BridgeOptions clash = new BridgeOptions().setDataDir(dataDir.resolve("second")).setMonitorsEnabled(false)
        .setHttp(new HttpApiOptions().setHost("127.0.0.1").setPort(first.httpPort()));

    assertThatThrownBy(() -> Bridge.create(vertx, clash).start().await()).isInstanceOf(BridgeException.class);
    assertThat(vertx.deploymentIDs()).hasSize(first.deploymentIds().size());
    first.close().await();
  }

  @Test
  void should_refuse_to_start_on_a_truncated_database_and_keep_every_key_through_the_restored_copy()
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThat(KeysCommand.run(dataDir, List.of("create", "kitchen-tablet"),
        new PrintStream(out, true, StandardCharsets.UTF_8), err)).isZero();
    String key = out.toString(StandardCharsets.UTF_8).trim();
    Bridge first = Bridge.create(vertx, options()).start().await();
    assertThat(first.health().toJson().getJsonObject("components").getJsonObject("database").getString("detail"))
        .contains("last good copy harpou.last-good.db made ");
    first.close().await();
    Path database = dataDir.resolve("harpou.db");
    Files.write(database, new byte[0]);

    assertThatThrownBy(() -> Bridge.create(vertx, options()).start().await())
        .isInstanceOf(UnusableDatabaseException.class)
        .hasMessageContaining("The database " + database.toAbsolutePath() + " is empty (0 bytes)")
        .hasMessageContaining("copy harpou.last-good.db to harpou.db");
    assertThat(Files.size(database)).isZero();
    assertThat(vertx.deploymentIDs()).isEmpty();

    Files.copy(dataDir.resolve("harpou.last-good.db"), database, StandardCopyOption.REPLACE_EXISTING);
    Bridge restored = Bridge.create(vertx, options()).start().await();
    HttpResponse<Buffer> audit = WebClient.create(vertx).get(restored.httpPort(), "127.0.0.1", "/api/audit")
        .putHeader("Authorization", "Bearer " + key).send().await();
    assertThat(audit.statusCode()).isEqualTo(200);
    restored.close().await();
  }

  @Test
  void should_refuse_to_start_on_a_damaged_database() throws Exception {
    Bridge.create(vertx, options()).start().await().close().await();
    Path database = dataDir.resolve("harpou.db");
    byte[] bytes = Files.readAllBytes(database);
    Arrays.fill(bytes, 2 * 4096, 4 * 4096, (byte) 0x7f);
    Files.write(database, bytes);

    assertThatThrownBy(() -> Bridge.create(vertx, options()).start().await())
        .isInstanceOf(UnusableDatabaseException.class)
        .hasMessageContaining("is damaged (SQLite says: ");
    assertThat(Files.readAllBytes(database)).isEqualTo(bytes);
  }
}
