package io.harpou.bridge.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.BridgeException;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Path;
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
    return new BridgeOptions().setDataDir(dataDir)
        .setSection("http", new JsonObject().put("host", "127.0.0.1").put("port", 0));
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
  void should_fail_to_start_with_a_clear_error_and_leave_nothing_running() {
    BridgeOptions bad = options().setSection("tools", new JsonObject().put("enabled", new JsonArray().add("nope")));

    assertThatThrownBy(() -> Bridge.create(vertx, bad).start().await()).isInstanceOf(BridgeException.class)
        .hasMessageContaining("'nope'");
    assertThat(vertx.deploymentIDs()).isEmpty();
  }

  @Test
  void should_close_what_started_when_the_http_port_is_taken() {
    Bridge first = Bridge.create(vertx, options()).start().await();
    BridgeOptions clash = new BridgeOptions().setDataDir(dataDir.resolve("second"))
        .setSection("http", new JsonObject().put("host", "127.0.0.1").put("port", first.httpPort()));

    assertThatThrownBy(() -> Bridge.create(vertx, clash).start().await()).isInstanceOf(BridgeException.class);
    assertThat(vertx.deploymentIDs()).hasSize(first.deploymentIds().size());
    first.close().await();
  }
}
