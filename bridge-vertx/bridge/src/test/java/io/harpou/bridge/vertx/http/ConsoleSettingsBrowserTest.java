package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.testkit.Await;
import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.RecordedRequest;
import io.harpou.testkit.ollama.ScriptedOllama;
import io.harpou.testkit.ollama.ScriptedOllamaOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's settings from the console, in Chromium: a persona and thinking saved in the Settings view reach the
 * model on the next turn and after a restart of the hub, and an entity hidden there can no longer be acted on.
 */
class ConsoleSettingsBrowserTest {

  private static final String PIRATE = "You are Captain Harpou, a pirate who answers every question in pirate talk.";
  private static final String STATUS = "document.getElementById('agent-settings-status').textContent";

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private ScriptedOllama ollama() {
    return ScriptedOllama.create(vertx, new ScriptedOllamaOptions()).start().await()
        .fallback(OllamaReply.text("Arr, the sea is calm."));
  }

  private static JsonObject withModel(ScriptedOllama ollama) {
    return new JsonObject().put("tools", new JsonObject().put("agent_test", new JsonObject().put("active", true)))
        .put("agent", new JsonObject().put("ollama", new JsonObject().put("url", ollama.baseUrl())
            .put("model", "llama3.2")));
  }

  private static void openSettings(HeadlessChromium chromium) {
    chromium.eval("document.querySelector('nav.tabs button[data-view=\"settings\"]').click()");
    chromium.waitFor("document.getElementById('persona').value !== ''", "the settings loaded", 10);
  }

  /** Fills the Agent form through its controls and saves it, waiting for the hub's answer. */
  private static void save(HeadlessChromium chromium, String persona, String thinking, String hidden) {
    chromium.eval("(() => { document.getElementById('persona').value = " + quoted(persona) + ";"
        + " document.getElementById('thinking').value = " + quoted(thinking) + ";"
        + " document.getElementById('hidden-entities').value = " + quoted(hidden) + ";"
        + " document.getElementById('agent-settings-status').textContent = '';"
        + " document.querySelector('#agent-settings-form button[type=submit]').click(); })()");
    chromium.waitFor(STATUS + ".startsWith('Saved')", "the settings saved", 10);
  }

  private static String quoted(String text) {
    return new JsonArray().add(text).encode() + "[0]";
  }

  private static String systemPrompt(RecordedRequest request) {
    return request.messages().getJsonObject(0).getString("content");
  }

  /** The chat request of the turn that asked {@code question} (other model calls, such as memory's, are left out). */
  private static RecordedRequest turnAsking(ScriptedOllama ollama, String question) {
    Await.until("the model asked " + question, () -> ollama.requests().stream().anyMatch(r -> asks(r, question)));
    return ollama.requests().stream().filter(r -> asks(r, question)).findFirst().orElseThrow();
  }

  private static boolean asks(RecordedRequest request, String question) {
    JsonArray messages = request.messages();
    return messages != null && !messages.isEmpty()
        && question.equals(messages.getJsonObject(messages.size() - 1).getString("content"));
  }

  @Test
  void should_give_the_next_turn_the_saved_persona_and_thinking_and_keep_them_across_a_restart() throws Exception {
    ScriptedOllama ollama = ollama();
    try (ConsolePage page = ConsolePage.open(vertx, dir, TestHouse.start(vertx, dir, new JsonObject(),
        withModel(ollama)))) {
      HeadlessChromium chromium = page.chromium;
      page.ask("What is the weather like at sea?", 1);
      RecordedRequest before = turnAsking(ollama, "What is the weather like at sea?");
      assertThat(systemPrompt(before)).doesNotContain(PIRATE);
      assertThat(before.body().getBoolean("think")).isNotEqualTo(Boolean.TRUE);

      openSettings(chromium);
      save(chromium, PIRATE, "on", "");
      page.screenshots("settings");
      chromium.eval("document.querySelector('nav.tabs button[data-view=\"talk\"]').click()");
      page.ask("And now?", 2);
      RecordedRequest after = turnAsking(ollama, "And now?");
      assertThat(systemPrompt(after)).startsWith(PIRATE);
      assertThat(after.body().getBoolean("think")).isTrue();

      page.house.stopHub();
      page.house.startHub();
      page.reload();
      openSettings(chromium);
      assertThat(chromium.eval("document.getElementById('persona').value")).isEqualTo(PIRATE);
      assertThat(chromium.eval("document.getElementById('thinking').value")).isEqualTo("on");
      chromium.eval("document.querySelector('nav.tabs button[data-view=\"talk\"]').click()");
      // The reloaded page may or may not show the earlier turns yet: the answer is the bubble after those shown.
      chromium.waitFor("document.getElementById('chat-input')", "the chat", 10);
      int shown = ((Number) chromium.eval("document.querySelectorAll('.msg.agent').length")).intValue();
      page.ask("Still a pirate?", shown + 1);
      RecordedRequest restarted = turnAsking(ollama, "Still a pirate?");
      assertThat(systemPrompt(restarted)).startsWith(PIRATE);
      assertThat(restarted.body().getBoolean("think")).isTrue();
    }
  }

  @Test
  void should_not_act_on_an_entity_hidden_in_the_settings() throws Exception {
    try (ConsolePage page = ConsolePage.open(vertx, dir, TestHouse.start(vertx, dir, new JsonObject()))) {
      HeadlessChromium chromium = page.chromium;
      openSettings(chromium);
      String persona = (String) chromium.eval("document.getElementById('persona').value");
      save(chromium, persona, "default", "light.kitchen");

      chromium.eval("document.querySelector('nav.tabs button[data-view=\"talk\"]').click()");
      String refused = page.ask("turn on the kitchen light", 1);
      assertThat(refused).doesNotContain("Turned on");
      assertThat(page.house.state("light.kitchen")).isEqualTo("off");

      // Shown again, the same words act: the setting, nothing else, held the light back.
      openSettings(chromium);
      save(chromium, persona, "default", "");
      chromium.eval("document.querySelector('nav.tabs button[data-view=\"talk\"]').click()");
      page.ask("turn on the kitchen light", 2);
      assertThat(page.house.state("light.kitchen")).isEqualTo("on");
    }
  }
}
