package io.harpou.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.wyoming.WyomingClient;
import io.harpou.wyoming.WyomingClientOptions;
import io.harpou.wyoming.WyomingConnection;
import io.harpou.wyoming.message.Asr;
import io.harpou.wyoming.message.Handle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub as a newcomer runs it, with no LLM: everyday commands in English and French reach the virtual home through
 * the local intent matcher, over the HTTP API and over Wyoming as Home Assistant's conversation agent, and a lock waits
 * for a yes.
 */
class HubEndToEndTest {

  private final Vertx vertx = Vertx.vertx();
  private HubVerticle hub;
  private WebClient web;

  @TempDir
  Path dataDir;

  @BeforeEach
  void start() {
    JsonObject config = new JsonObject().put("data_dir", dataDir.toString())
        .put("http", new JsonObject().put("port", 0)).put("wyoming", new JsonObject().put("port", 0))
        .put("memory", new JsonObject().put("enabled", false))
        .put("monitors", new JsonObject().put("enabled", false));
    hub = new HubVerticle();
    vertx.deployVerticle(hub, new DeploymentOptions().setConfig(config)).await();
    web = WebClient.create(vertx);
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private JsonObject converse(String text, String language, String conversationId) {
    JsonObject request = new JsonObject().put("text", text).put("language", language)
        .put("conversation_id", conversationId);
    return web.post(hub.bridge().httpPort(), "127.0.0.1", "/api/conversation/process").sendJsonObject(request)
        .await().bodyAsJsonObject();
  }

  private String state(String entityId) {
    return hub.virtualHome().state(entityId).getString("state");
  }

  @Test
  void should_turn_on_the_kitchen_light_from_a_french_sentence_without_any_llm() {
    assertThat(state("light.kitchen")).isEqualTo("off");

    JsonObject answer = converse("allume la lumière de la cuisine", "fr", "c-fr");

    assertThat(answer.getJsonObject("response").getString("response_type")).isEqualTo("action_done");
    assertThat(answer.getJsonObject("response").getJsonObject("speech").getJsonObject("plain").getString("speech"))
        .containsIgnoringCase("cuisine");
    assertThat(state("light.kitchen")).isEqualTo("on");
  }

  @Test
  void should_ask_before_unlocking_the_front_door_and_unlock_only_after_yes() {
    assertThat(state("lock.front_door")).isEqualTo("locked");

    JsonObject question = converse("unlock the front door", "en", "c-lock");

    assertThat(question.getBoolean("continue_conversation")).isTrue();
    assertThat(question.getJsonObject("response").getJsonObject("speech").getJsonObject("plain").getString("speech"))
        .contains("?");
    assertThat(state("lock.front_door")).isEqualTo("locked");

    converse("yes", "en", "c-lock");

    assertThat(state("lock.front_door")).isEqualTo("unlocked");
  }

  @Test
  void should_act_when_home_assistant_hands_over_a_transcript_through_wyoming() throws Exception {
    converse("turn on the kitchen light", "en", "c-on");
    assertThat(state("light.kitchen")).isEqualTo("on");
    String detail = hub.bridge().health().toJson().getJsonObject("components").getJsonObject("voice")
        .getString("detail");
    Matcher port = Pattern.compile("Wyoming on port (\\d+)").matcher(detail);
    assertThat(port.find()).as("voice reports its port: %s", detail).isTrue();

    WyomingConnection connection = WyomingClient.create(vertx, new WyomingClientOptions())
        .connect("127.0.0.1", Integer.parseInt(port.group(1))).await();
    Promise<String> handled = Promise.promise();
    connection.handler(event -> {
      if (Handle.Handled.TYPE.equals(event.type())) {
        handled.tryComplete(Handle.Handled.fromEvent(event).text());
      } else if (Handle.NotHandled.TYPE.equals(event.type())) {
        handled.tryFail("not handled: " + event.data().encode());
      }
    });
    connection.write(new Asr.Transcript("turn off the kitchen light", "en",
        new JsonObject().put("conversation_id", "c-voice"))).await();

    assertThat(handled.future().await(30, TimeUnit.SECONDS)).containsIgnoringCase("kitchen");
    assertThat(state("light.kitchen")).isEqualTo("off");
  }
}
