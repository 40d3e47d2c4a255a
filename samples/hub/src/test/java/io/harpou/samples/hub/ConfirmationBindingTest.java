package io.harpou.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.OllamaToolCall;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A "yes" runs exactly what the question named: the model's hostile tool calls (two protected calls in one step, a
 * call whose arguments name other entities than the tool acts on) over the HTTP API, with the virtual home telling
 * what really moved.
 */
class ConfirmationBindingTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dataDir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private HubHarness withModel() {
    return HubHarness.start(vertx, dataDir, new JsonObject(), true);
  }

  @Test
  void should_refuse_a_step_that_asks_to_lock_and_unlock_the_front_door_and_leave_the_lock_alone_on_yes() {
    HubHarness hub = withModel();
    hub.ollama.addRule(OllamaMatch.userContains("front door business").thenReply(OllamaReply.toolCalls(
        OllamaToolCall.of("lock", new JsonObject().put("name", "front door")),
        OllamaToolCall.of("unlock", new JsonObject().put("name", "front door")))));

    String reply = hub.say("do the front door business", "b1");
    String afterYes = hub.say("yes", "b1");

    assertThat(reply).contains("only one protected action at a time").doesNotContain("Say yes");
    assertThat(afterYes).isNotEqualTo("Done.");
    assertThat(hub.state("lock.front_door")).isEqualTo("locked");
    assertThat(hub.callsOf("lock")).isZero();
  }

  @Test
  void should_refuse_a_step_that_asks_to_close_and_open_the_garage_and_keep_it_closed_on_yes() {
    HubHarness hub = withModel();
    hub.ollama.addRule(OllamaMatch.userContains("garage business").thenReply(OllamaReply.toolCalls(
        OllamaToolCall.of("set_garage_door", new JsonObject().put("action", "close").put("name", "garage door")),
        OllamaToolCall.of("set_garage_door", new JsonObject().put("action", "open").put("name", "garage door")))));

    String reply = hub.say("do the garage business", "b2");
    hub.say("yes", "b2");

    assertThat(reply).contains("only one protected action at a time");
    assertThat(hub.state("cover.garage_door")).isEqualTo("closed");
    assertThat(hub.callsOf("cover")).isZero();
  }

  @Test
  void should_ask_about_the_garage_door_the_tool_resolved_and_open_only_it() {
    HubHarness hub = withModel();
    hub.ollama.addRule(OllamaMatch.userContains("let the car out").thenReply(OllamaReply.toolCall("set_garage_door",
        new JsonObject().put("action", "open").put("entity", "cover.bedroom_blinds").put("name", "garage door"))));

    String question = hub.say("let the car out", "b3");

    assertThat(question).isEqualTo("Open the garage door? Say yes to confirm.");
    assertThat(hub.state("cover.garage_door")).isEqualTo("closed");

    String done = hub.say("yes", "b3");

    assertThat(done).isEqualTo("Done.");
    assertThat(hub.state("cover.garage_door")).isEqualTo("open");
    assertThat(hub.state("cover.bedroom_blinds")).isEqualTo("closed");
    assertThat(hub.callsOf("cover")).isEqualTo(1);
  }

  @Test
  void should_answer_whether_the_front_door_is_locked_without_asking_for_a_confirmation() {
    HubHarness hub = HubHarness.start(vertx, dataDir, new JsonObject(), false);

    JsonObject answer = hub.converse("is the front door locked", "en", "b4", null);

    assertThat(HubHarness.speech(answer)).containsIgnoringCase("locked").doesNotContain("confirm")
        .doesNotContainIgnoringCase("get state");
    assertThat(answer.getBoolean("continue_conversation")).isFalse();
  }

  @Test
  void should_let_the_model_read_the_lock_and_answer_from_what_it_read() {
    HubHarness hub = withModel();
    hub.ollama.addRule(OllamaMatch.userContains("did I lock up").thenReply(OllamaReply.toolCall("get_state",
        new JsonObject().put("entity_id", "lock.front_door"))));
    hub.ollama.addRule(OllamaMatch.toolResultContains("locked").thenReply(OllamaReply.text("Yes, it's locked.")));

    assertThat(hub.say("did I lock up", "b5")).isEqualTo("Yes, it's locked.");
  }
}
