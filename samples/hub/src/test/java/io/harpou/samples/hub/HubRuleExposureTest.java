package io.harpou.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * The household hid the litter box from the assistant ({@code tools.home.exposure}): the hub's rules follow, so
 * "tell me when the litter box is full" and a rule sent to {@code /api/rules} are both refused, saying why.
 */
class HubRuleExposureTest {

  private static final String HIDDEN = "sensor.litter_box_status";

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void should_refuse_to_watch_an_entity_hidden_from_the_assistant_by_speech_and_by_the_api() {
    HubHarness hub = HubHarness.start(vertx, dir.resolve("data"), new JsonObject()
        .put("tools", new JsonObject().put("home", new JsonObject().put("exposure", new JsonObject()
            .put("exclude_entities", new JsonArray().add(HIDDEN)))))
        .put("notifications", new JsonObject()), false);
    assertThat(hub.say("tell me when the litter box is full", null)).isEqualTo("I can't watch Litter box: " + HIDDEN
        + " is not exposed to Harpou (tools.home.exposure), so no rule may watch it");
    HttpResponse<Buffer> added = WebClient.create(vertx).post(hub.hub.bridge().httpPort(), "127.0.0.1", "/api/rules")
        .sendJsonObject(new JsonObject().put("when", new JsonObject().put("entity_id", HIDDEN).put("state", "full"))
            .put("say", "The litter box is full.")).await();
    assertThat(added.statusCode()).isEqualTo(400);
    assertThat(added.bodyAsString()).contains(HIDDEN + " is not exposed");
    HttpResponse<Buffer> rules = WebClient.create(vertx).get(hub.hub.bridge().httpPort(), "127.0.0.1", "/api/rules")
        .send().await();
    assertThat(rules.bodyAsJsonObject().getJsonArray("rules")).isEmpty();
  }
}
