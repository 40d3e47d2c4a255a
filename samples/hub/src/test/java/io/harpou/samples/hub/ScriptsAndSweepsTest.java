package io.harpou.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A script or scene that reaches a lock or the garage door is as protected as they are, whatever tool runs it, and an
 * area-wide action from the model leaves cameras alone.
 */
class ScriptsAndSweepsTest {

  private final Vertx vertx = Vertx.vertx();
  private HubHarness hub;

  @TempDir
  Path dataDir;

  @BeforeEach
  void start() {
    hub = HubHarness.start(vertx, dataDir, new JsonObject(), true);
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_ask_before_running_a_script_that_locks_the_front_door_and_closes_the_garage() {
    hub.setState("lock.front_door", "unlocked");
    hub.setState("cover.garage_door", "open");
    hub.ollama.addRule(OllamaMatch.userContains("bedtime").thenReply(OllamaReply.toolCall("run_script",
        new JsonObject().put("entity_id", "script.good_night"))));

    String question = hub.say("bedtime", "s1");

    assertThat(question).isEqualTo("Run the Good night script, which acts on the front door and the garage door?"
        + " Say yes to confirm.");
    assertThat(hub.callsOf("script")).isZero();
    assertThat(hub.state("lock.front_door")).isEqualTo("unlocked");
    assertThat(hub.state("cover.garage_door")).isEqualTo("open");

    assertThat(hub.say("yes", "s1")).isEqualTo("Done.");
    assertThat(hub.state("lock.front_door")).isEqualTo("locked");
    assertThat(hub.state("cover.garage_door")).isEqualTo("closed");
  }

  @Test
  void should_ask_before_starting_the_script_through_the_generic_switch_or_service_tools() {
    hub.setState("lock.front_door", "unlocked");
    hub.ollama.addRule(OllamaMatch.userContains("switch bedtime").thenReply(OllamaReply.toolCall("turn_on",
        new JsonObject().put("entity_id", "script.good_night"))));
    hub.ollama.addRule(OllamaMatch.userContains("service bedtime").thenReply(OllamaReply.toolCall("call_service",
        new JsonObject().put("service", "script.good_night").put("entity_id", "script.good_night"))));

    assertThat(hub.say("switch bedtime", "s2")).endsWith("Say yes to confirm.");
    assertThat(hub.say("service bedtime", "s3")).endsWith("Say yes to confirm.");
    assertThat(hub.callsOf("script")).isZero();
    assertThat(hub.state("lock.front_door")).isEqualTo("unlocked");
  }

  @Test
  void should_ask_before_applying_a_scene_whose_data_names_the_front_door() {
    hub.ollama.addRule(OllamaMatch.userContains("cosy").thenReply(OllamaReply.toolCall("call_service",
        new JsonObject().put("service", "scene.apply").put("entity_id", "scene.movie_night")
            .put("data", new JsonObject().put("entities", new JsonObject().put("lock.front_door", "unlocked"))))));

    assertThat(hub.say("make it cosy", "s4")).contains("front door").endsWith("Say yes to confirm.");
    assertThat(hub.callsOf("scene")).isZero();
    assertThat(hub.state("lock.front_door")).isEqualTo("locked");
  }

  @Test
  void should_leave_the_garden_camera_on_when_the_model_turns_off_the_whole_garden() {
    hub.setState("light.garden", "on");
    hub.ollama.addRule(OllamaMatch.userContains("garden to sleep").thenReply(OllamaReply.toolCall("turn_off",
        new JsonObject().put("area", "garden"))));
    hub.ollama.addRule(OllamaMatch.toolResult("turn_off").thenReply(OllamaReply.text("The garden is off.")));

    assertThat(hub.say("put the garden to sleep", "s5")).isEqualTo("The garden is off.");
    assertThat(hub.state("light.garden")).isEqualTo("off");
    assertThat(hub.state("camera.garden")).isEqualTo("idle");
    assertThat(hub.callsOf("camera")).isZero();
  }
}
