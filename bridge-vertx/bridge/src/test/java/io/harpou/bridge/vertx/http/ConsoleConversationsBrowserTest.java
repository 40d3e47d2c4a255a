package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.ScriptedOllama;
import io.harpou.testkit.ollama.ScriptedOllamaOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conversations in the console, in Chromium: a reload shows the conversation again with its tool steps; the list holds
 * every channel's conversations, a satellite's with its room; and an answer's Markdown is rendered without letting
 * any HTML in it through.
 */
class ConsoleConversationsBrowserTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_restore_the_conversation_after_a_reload_and_list_a_satellite_s_with_its_room() throws Exception {
    ScriptedOllama model = ScriptedOllama.create(vertx, new ScriptedOllamaOptions()).start().await();
    model.enqueue(OllamaReply.text("Use **bold** and `code`.\n\n<img src=x onerror=\"window.pwned=1\">\n\n"
        + "```\n<script>window.pwned=2</script>\n```"));
    TestHouse house = TestHouse.start(vertx, dir, new JsonObject(), new JsonObject().put("agent", new JsonObject()
        .put("ollama", new JsonObject().put("url", model.baseUrl()).put("model", "qwen3:8b"))));
    try (ConsolePage page = ConsolePage.open(vertx, dir, house)) {
      HeadlessChromium chromium = page.chromium;
      // The page runs as slowly as on a busy machine, where probing it while it reloads reached the old document as
      // it was torn down.
      chromium.call("Emulation.setCPUThrottlingRate", new JsonObject().put("rate", 20));
      page.ask("turn on the kitchen light", 1);
      page.ask("how do I write html here", 2);
      String answer = "document.querySelectorAll('.msg.agent')[1].querySelector('.text')";
      assertThat(chromium.eval(answer + ".querySelector('strong').textContent")).isEqualTo("bold");
      assertThat(chromium.eval(answer + ".querySelector('pre code').textContent"))
          .isEqualTo("<script>window.pwned=2</script>");
      assertThat((String) chromium.eval(answer + ".textContent")).contains("<img src=x onerror=");
      assertThat(chromium.eval("document.querySelectorAll('#chat-log img, #chat-log script').length")).isEqualTo(0);
      assertThat(chromium.eval("typeof window.pwned")).isEqualTo("undefined");
      house.bridge.agent().orElseThrow().ask(new Utterance("turn off the kitchen light", "en", "kitchen-sat-1",
          Channel.SATELLITE, "kitchen", "kitchen-sat", null)).await();

      page.reload();
      chromium.waitFor("document.querySelectorAll('.msg.agent').length === 2", "the conversation after a reload",
          20);
      assertThat(chromium.eval("document.querySelector('.msg.user .text').textContent"))
          .isEqualTo("turn on the kitchen light");
      assertThat(chromium.eval("document.querySelector('.msg.agent .text').textContent"))
          .isEqualTo("Turned on the kitchen light.");
      assertThat(chromium.eval("document.querySelector('.msg.agent .tool .tool-name').textContent"))
          .isEqualTo("switch_light");
      assertThat(chromium.eval("document.querySelector('.msg.agent .tool').dataset.outcome")).isEqualTo("ok");
      assertThat(chromium.eval("document.querySelectorAll('.msg.agent')[1].querySelector('strong').textContent"))
          .isEqualTo("bold");

      chromium.eval("document.querySelector('#conversations summary').click()");
      String voice = "document.querySelector('button.conversation[data-conversation-id=\"kitchen-sat-1\"]')";
      chromium.waitFor(voice, "the satellite's conversation in the list", 10);
      assertThat((String) chromium.eval(voice + ".textContent")).contains("turn off the kitchen light")
          .contains("Voice, kitchen");
      chromium.eval(voice + ".click()");
      chromium.waitFor("document.querySelector('.msg.user.voice')", "the satellite's turn", 10);
      assertThat(chromium.eval("document.querySelector('.msg.user.voice .origin').textContent"))
          .isEqualTo("Voice, kitchen");
      assertThat(chromium.eval("document.querySelectorAll('.msg.agent').length")).isEqualTo(1);
      page.screenshots("conversations");
    }
  }

  @Test
  void should_show_the_images_of_a_turn_reloaded_from_history_as_the_live_turn_did() throws Exception {
    TestHouse house = TestHouse.start(vertx, dir, new JsonObject());
    try (ConsolePage page = ConsolePage.open(vertx, dir, house)) {
      HeadlessChromium chromium = page.chromium;
      String image = "document.querySelector('.msg.agent img.artifact')";
      String loaded = image + " && " + image + ".complete && " + image + ".naturalWidth > 0";
      assertThat(page.ask("show me the front_door camera", 1)).isEqualTo("Here is the front_door camera.");
      chromium.waitFor(loaded, "the camera's image under the live answer", 10);
      String shown = (String) chromium.eval(image + ".dataset.artifact");

      page.reload();
      chromium.waitFor("document.querySelectorAll('.msg.agent').length === 1", "the conversation after a reload",
          20);
      chromium.waitFor(loaded, "the camera's image under the reloaded answer", 10);
      assertThat(chromium.eval(image + ".dataset.artifact")).isEqualTo(shown);
      assertThat((String) chromium.eval(image + ".src")).contains("/api/artifacts/" + shown).contains("sig=");
    }
  }
}
