package io.harpou.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The household hid the kitchen light in the console's Settings: the local intent matcher no longer knows its name or
 * lists it, so nothing says it exists, and a scene that would switch it on is refused rather than run.
 */
class HubHiddenEntitiesTest {

  private final Vertx vertx = Vertx.vertx();
  private HubHarness hub;

  @TempDir
  Path dataDir;

  @BeforeEach
  void start() {
    hub = HubHarness.start(vertx, dataDir, new JsonObject(), false);
    String url = hub.hub.bridge().consoleUrl().orElseThrow();
    String token = url.substring(url.indexOf("#token=") + "#token=".length());
    HttpResponse<Buffer> saved = WebClient.create(vertx).put(hub.hub.bridge().httpPort(), "127.0.0.1", "/api/settings")
        .putHeader("Authorization", "Bearer " + token)
        .sendJsonObject(new JsonObject().put("hidden_entities", new JsonArray().add("light.kitchen"))).await();
    assertThat(saved.statusCode()).isEqualTo(200);
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_neither_resolve_nor_reveal_a_hidden_light_by_its_name() {
    String said = hub.say("turn on the kitchen light", "h1");

    assertThat(said).doesNotContainIgnoringCase("hidden").doesNotContain("light.kitchen");
    assertThat(hub.state("light.kitchen")).isEqualTo("off");
    assertThat(hub.callsOf("light")).isZero();
  }

  @Test
  void should_leave_a_hidden_light_out_of_what_is_listed() {
    hub.setState("light.kitchen", "on");
    hub.setState("light.office", "on");

    String said = hub.say("which lights are on?", "h2");

    assertThat(said).containsIgnoringCase("office").doesNotContainIgnoringCase("kitchen");
  }

  @Test
  void should_refuse_a_scene_that_would_turn_on_a_hidden_light() {
    String said = hub.say("activate good morning", "h3");

    assertThat(said).contains("hidden from Harpou").doesNotContain("light.kitchen");
    assertThat(hub.state("light.kitchen")).isEqualTo("off");
    assertThat(hub.callsOf("scene")).isZero();
  }
}
