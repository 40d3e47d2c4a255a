package io.harpou.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubVerticleTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dataDir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_start_on_the_virtual_home_and_answer_health_then_stop_cleanly() {
    JsonObject config = new JsonObject().put("data_dir", dataDir.toString())
        .put("http", new JsonObject().put("port", 0))
        .put("wyoming", new JsonObject().put("port", 0))
        .put("monitors", new JsonObject().put("enabled", false));
    HubVerticle hub = new HubVerticle();
    String id = vertx.deployVerticle(hub, new DeploymentOptions().setConfig(config)).await();

    HttpResponse<Buffer> response = WebClient.create(vertx)
        .get(hub.bridge().httpPort(), "127.0.0.1", "/health").send().await();

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject components = response.bodyAsJsonObject().getJsonObject("components");
    assertThat(components.getJsonObject("home_assistant").getString("state")).isEqualTo("connected");
    assertThat(components.getJsonObject("database").getString("state")).isEqualTo("ready");

    vertx.undeploy(id).await();
    assertThat(vertx.deploymentIDs()).isEmpty();
  }

  @Test
  void should_refuse_to_start_on_an_emptied_database_and_say_how_to_restore_it() throws Exception {
    JsonObject config = new JsonObject().put("data_dir", dataDir.toString())
        .put("http", new JsonObject().put("port", 0))
        .put("wyoming", new JsonObject().put("port", 0))
        .put("monitors", new JsonObject().put("enabled", false));
    String id = vertx.deployVerticle(new HubVerticle(), new DeploymentOptions().setConfig(config)).await();
    vertx.undeploy(id).await();
    Files.write(dataDir.resolve("harpou.db"), new byte[0]);

    Throwable failure = catchThrowable(() -> vertx.deployVerticle(new HubVerticle(),
        new DeploymentOptions().setConfig(config)).await());

    String shown = StartupReport.failure(failure);
    assertThat(shown).startsWith("\nHarpou could not start.\n  The database ")
        .contains(dataDir.resolve("harpou.db").toAbsolutePath().toString())
        .contains("is empty (0 bytes)")
        .contains("harpou.last-good.db");
    assertThat(shown.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
    assertThat(Files.size(dataDir.resolve("harpou.db"))).isZero();
  }

  @Test
  void should_print_the_console_link_with_the_token_kept_in_the_data_directory() throws Exception {
    JsonObject config = new JsonObject().put("data_dir", dataDir.toString())
        .put("http", new JsonObject().put("port", 0))
        .put("wyoming", new JsonObject().put("port", 0))
        .put("monitors", new JsonObject().put("enabled", false));
    HubVerticle hub = new HubVerticle();
    vertx.deployVerticle(hub, new DeploymentOptions().setConfig(config)).await();

    String report = StartupReport.describe(config, hub.bridge(), hub.virtualHome());
    String token = Files.readString(dataDir.resolve("console-token")).strip();

    assertThat(token).startsWith("hpc_");
    assertThat(report).contains("http://127.0.0.1:" + hub.bridge().httpPort() + "/#token=" + token);
    assertThat(Files.getPosixFilePermissions(dataDir.resolve("console-token")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }
}
