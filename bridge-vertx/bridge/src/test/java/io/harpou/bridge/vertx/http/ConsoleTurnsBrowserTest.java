package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.ScriptedOllama;
import io.harpou.testkit.ollama.ScriptedOllamaOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A turn in the console's chat, in Chromium, against the real agent with a scripted model: the answer streams into
 * its own bubble, each model step keeps its thinking (collapsed) and its tool calls, and overlapping turns keep their
 * own steps.
 */
class ConsoleTurnsBrowserTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private ScriptedOllama model() {
    return ScriptedOllama.create(vertx, new ScriptedOllamaOptions().setStreamChunkDelayMillis(60)).start().await();
  }

  private TestHouse house(ScriptedOllama model) throws Exception {
    return TestHouse.start(vertx, dir, new JsonObject(), new JsonObject().put("agent", new JsonObject()
        .put("ollama", new JsonObject().put("url", model.baseUrl()).put("model", "qwen3:8b").put("think", true)
            .put("return_thinking", true))));
  }

  private static OllamaReply kitchenOn() {
    return OllamaReply.toolCall("switch_light", new JsonObject().put("entity_id", "light.kitchen")
        .put("on_off", "on"));
  }

  @Test
  void should_stream_the_answer_into_its_bubble_and_keep_each_step_s_thinking_and_tools_apart() throws Exception {
    ScriptedOllama model = model();
    model.enqueue(kitchenOn().withThinking("They want light in the kitchen."));
    model.enqueue(OllamaReply.text("The kitchen light is on now, as you asked.")
        .withThinking("The switch worked, so I say so."));
    try (ConsolePage page = ConsolePage.open(vertx, dir, house(model))) {
      HeadlessChromium chromium = page.chromium;
      chromium.eval("window.partial = []; new MutationObserver(() => {"
          + " const text = document.querySelector('.msg.agent.working .text');"
          + " if (text && text.textContent) partial.push(text.textContent); })"
          + ".observe(document.getElementById('chat-log'), {subtree: true, childList: true, characterData: true})");

      String answer = page.ask("brighten up the kitchen", 1);

      assertThat(answer).isEqualTo("The kitchen light is on now, as you asked.");
      JsonArray partial = new JsonArray((String) chromium.eval("JSON.stringify(partial)"));
      assertThat(partial.getList()).as("the answer grew in its own bubble as the model wrote it")
          .anySatisfy(text -> assertThat(answer).startsWith((String) text).isNotEqualTo(text));
      assertThat((String) chromium.eval("document.querySelector('.msg.agent .step.model').textContent"))
          .as("the model routing chose, shown before the model's steps").startsWith("model ollama: ");
      String steps = "document.querySelectorAll('.msg.agent .step:not(.model)')";
      assertThat(chromium.eval(steps + ".length")).isEqualTo(2);
      assertThat(chromium.eval(steps + "[0].querySelector('details.thinking').open")).isEqualTo(false);
      assertThat(chromium.eval(steps + "[0].querySelector('.thought').textContent"))
          .isEqualTo("They want light in the kitchen.");
      assertThat(chromium.eval(steps + "[0].querySelector('.tool .tool-name').textContent"))
          .isEqualTo("switch_light");
      chromium.waitFor(steps + "[0].querySelector('.tool').dataset.outcome === 'ok'", "the tool's outcome", 10);
      assertThat(chromium.eval(steps + "[1].querySelector('.thought').textContent"))
          .isEqualTo("The switch worked, so I say so.");
      assertThat(chromium.eval(steps + "[1].querySelector('.tool')")).isNull();
      assertThat(page.house.state("light.kitchen")).isEqualTo("on");
      assertThat(chromium.eval("document.querySelector('.msg.agent .sr-only').textContent")).isEqualTo("Harpou: ");
      assertThat(chromium.eval("document.querySelector('.msg.user .sr-only').textContent")).isEqualTo("You: ");
      assertThat((String) chromium.eval("[...document.querySelectorAll('*')].map(e => document.body.innerText + "
          + "getComputedStyle(e, '::before').content + getComputedStyle(e, '::after').content).join(' ')"))
          .as("no emoji, which Chromium without an emoji font draws as an empty box")
          .doesNotContainPattern("[\\x{1F000}-\\x{1FFFF}\\x{2600}-\\x{27BF}\\x{2B00}-\\x{2BFF}]");
      page.screenshots("turn");
    }
  }

  @Test
  void should_keep_each_turn_s_tool_steps_under_its_own_question_when_turns_overlap() throws Exception {
    ScriptedOllama model = model();
    model.enqueue(kitchenOn().delayed(Duration.ofSeconds(2)));
    model.enqueue(OllamaReply.text("The kitchen is lit."));
    try (ConsolePage page = ConsolePage.open(vertx, dir, house(model))) {
      HeadlessChromium chromium = page.chromium;

      chromium.type("chat-input", "brighten up the kitchen");
      chromium.waitFor("document.querySelectorAll('.msg.agent').length === 1", "the first bubble", 5);
      String second = page.ask("turn on the bedroom light", 2);
      String first = page.answer(1);

      assertThat(second).isEqualTo("Turned on the bedroom light.");
      assertThat(first).isEqualTo("The kitchen is lit.");
      String tools = "[...document.querySelectorAll('.msg.agent')[%d].querySelectorAll('.tool-args')]"
          + ".map(t => t.textContent)";
      chromium.waitFor(String.format(tools, 0) + ".length === 1", "the first turn's step", 10);
      assertThat((String) chromium.eval(String.format(tools, 0) + ".join()")).contains("light.kitchen");
      assertThat((String) chromium.eval(String.format(tools, 1) + ".join()")).contains("light.bedroom")
          .doesNotContain("light.kitchen");
    }
  }
}
