package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The debug view of a turn and the filtered audit, in Chromium: which path answered, the action's resolved entity,
 * each tool call with its result, which model was chosen and each call to it, the model's tokens and the
 * understanding time; and the audit filtered to the confirmation a lock asked for, with its detail.
 */
class ConsoleDebugBrowserTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private static String details(HeadlessChromium chromium, int index) {
    return (String) chromium.eval("document.querySelectorAll('.msg.agent')[" + index + "]"
        + ".querySelector('details.debug').textContent");
  }

  @Test
  void should_show_each_turn_s_path_targets_tools_tokens_and_timing_and_filter_the_audit() throws Exception {
    ScriptedOllama model = ScriptedOllama.create(vertx, new ScriptedOllamaOptions()).start().await();
    model.enqueue(OllamaReply.toolCall("switch_light", new JsonObject().put("entity_id", "light.bedroom")
        .put("on_off", "on")));
    model.enqueue(OllamaReply.text("The bedroom is lit."));
    TestHouse house = TestHouse.start(vertx, dir, new JsonObject(), new JsonObject().put("agent", new JsonObject()
        .put("ollama", new JsonObject().put("url", model.baseUrl()).put("model", "qwen3:8b"))));
    try (ConsolePage page = ConsolePage.open(vertx, dir, house)) {
      HeadlessChromium chromium = page.chromium;

      page.ask("turn on the kitchen light", 1);
      chromium.waitFor("document.querySelectorAll('.msg.agent')[0].querySelector('details.debug')"
          + ".textContent.includes('Understanding')", "the first turn's details", 10);
      assertThat(details(chromium, 0)).contains("Answered bythe local matcher")
          .contains("Action switch_light").contains("light.kitchen")
          .contains("Tool switch_lightok in").contains("done").doesNotContain("Tokens");

      page.ask("brighten the bedroom", 2);
      chromium.waitFor("document.querySelectorAll('.msg.agent')[1].querySelector('details.debug')"
          + ".textContent.includes('Understanding')", "the second turn's details", 10);
      assertThat(details(chromium, 1)).contains("Answered bythe model").contains("Tool switch_lightok in")
          .containsPattern("Tokens\\d+ in, \\d+ out").containsPattern("Understanding\\d+\\.\\d\\d s")
          .contains("Model ollama").containsPattern("Call to ollamaok in \\d+ ms, \\d+ in, \\d+ out");
      assertThat((String) chromium.eval("document.querySelectorAll('.msg.agent')[1]"
          + ".querySelector('.steps .step.model').textContent")).startsWith("model ollama: ");

      page.ask("unlock the front door", 3);
      chromium.eval("const o = document.getElementById('audit-outcome'); o.value = 'confirmation_required';"
          + " o.form.dispatchEvent(new Event('change'))");
      chromium.waitFor("document.querySelectorAll('#audit-rows tr').length === 1", "the filtered audit", 10);
      assertThat((String) chromium.eval("document.querySelector('#audit-rows td.detail').textContent"))
          .containsIgnoringCase("front door");
      chromium.eval("document.querySelectorAll('details.debug').forEach(d => d.open = true)");
      page.screenshots("debug");
    }
  }
}
