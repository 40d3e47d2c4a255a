package io.harpou.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only the one who asked can say yes: another key's "yes", a Wyoming transcript carrying the conversation id, and
 * another OpenAI chat opening with the same messages all leave the front door locked, and the owner's own "yes" still
 * works afterwards.
 */
class ConfirmationAskerTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dataDir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_not_let_another_keys_yes_confirm_the_owners_unlock() {
    HubHarness hub = HubHarness.start(vertx, dataDir, new JsonObject(), false, "owner", "guest");

    JsonObject question = hub.converse("unlock the front door", "en", "a1", hub.key("owner"));
    JsonObject foreignYes = hub.converse("yes", "en", "a1", hub.key("guest"));

    assertThat(question.getBoolean("continue_conversation")).isTrue();
    assertThat(HubHarness.speech(foreignYes)).isEqualTo("There's nothing waiting for your confirmation right now.");
    assertThat(hub.state("lock.front_door")).isEqualTo("locked");
    assertThat(hub.callsOf("lock")).isZero();

    JsonObject ownYes = hub.converse("yes", "en", "a1", hub.key("owner"));

    assertThat(HubHarness.speech(ownYes)).isEqualTo("Done.");
    assertThat(hub.state("lock.front_door")).isEqualTo("unlocked");
  }

  @Test
  void should_not_let_a_wyoming_transcript_with_the_conversation_id_confirm_an_unlock_asked_over_http()
      throws Exception {
    HubHarness hub = HubHarness.start(vertx, dataDir, new JsonObject(), false);

    hub.say("unlock the front door", "a2");
    String wyomingYes = hub.wyomingTranscript("127.0.0.1", "yes", new JsonObject().put("conversation_id", "a2"));

    assertThat(wyomingYes).isNotEqualTo("Done.");
    assertThat(hub.state("lock.front_door")).isEqualTo("locked");
    assertThat(hub.callsOf("lock")).isZero();

    assertThat(hub.say("yes", "a2")).isEqualTo("Done.");
    assertThat(hub.state("lock.front_door")).isEqualTo("unlocked");
  }

  @Test
  void should_not_let_another_keys_openai_chat_with_the_same_opening_confirm_the_owners_unlock() {
    HubHarness hub = HubHarness.start(vertx, dataDir, new JsonObject(), false, "owner", "guest");
    JsonArray opening = new JsonArray().add(user("unlock the front door"));

    String question = content(hub.chat(hub.key("owner"), opening));
    JsonArray answered = opening.copy().add(new JsonObject().put("role", "assistant").put("content", question))
        .add(user("yes"));
    String foreignYes = content(hub.chat(hub.key("guest"), answered));

    assertThat(question).endsWith("Say yes to confirm.");
    assertThat(foreignYes).isNotEqualTo("Done.");
    assertThat(hub.state("lock.front_door")).isEqualTo("locked");
    assertThat(hub.callsOf("lock")).isZero();

    assertThat(content(hub.chat(hub.key("owner"), answered))).isEqualTo("Done.");
    assertThat(hub.state("lock.front_door")).isEqualTo("unlocked");
  }

  private static JsonObject user(String text) {
    return new JsonObject().put("role", "user").put("content", text);
  }

  private static String content(JsonObject completion) {
    return completion.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content");
  }
}
