package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console in a real headless Chromium against a whole Bridge (Home Assistant client on the virtual home, the real
 * agent), opened through the link the hub prints: a newcomer types "turn on the kitchen light" and sees the answer
 * and the light's new state.
 */
class ConsoleBrowserTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_turn_on_the_kitchen_light_from_the_console_and_show_it_live() throws Exception {
    TestHouse house = TestHouse.start(vertx, dir, new JsonObject());
    VirtualHomeAssistant home = house.home;
    String page = house.bridge.consoleUrl().orElseThrow();
    assertThat(home.state("light.kitchen").getString("state")).isEqualTo("off");

    try (HeadlessChromium chromium = HeadlessChromium.launch(vertx, Files.createDirectories(dir.resolve("profile")))) {
      chromium.navigate(page);
      String kitchen = "document.querySelector('li.device[data-entity-id=\"light.kitchen\"] .state')";
      chromium.waitFor(kitchen, "the kitchen light in the home panel", 20);
      chromium.waitFor("document.getElementById('link').dataset.state === 'live'", "the live event link", 20);
      assertThat(chromium.eval(kitchen + ".textContent")).isEqualTo("off");
      assertThat(chromium.eval("getComputedStyle(document.getElementById('mic')).display"))
          .as("no microphone offered by a hub without voice").isEqualTo("none");

      chromium.eval("document.getElementById('chat-input').value = 'turn on the kitchen light';"
          + "document.getElementById('chat-form').requestSubmit()");
      chromium.waitFor("document.querySelector('.msg.agent:not(.working)')", "the agent's reply", 20);

      assertThat(chromium.eval("document.querySelector('.msg.user .text').textContent"))
          .isEqualTo("turn on the kitchen light");
      assertThat(chromium.eval("document.querySelector('.msg.agent .text').textContent"))
          .isEqualTo("Turned on the kitchen light.");
      chromium.waitFor(kitchen + ".textContent === 'on'", "the kitchen light to show on", 20);
      assertThat(chromium.eval("document.querySelector('.msg.agent').dataset.type")).isEqualTo("action_done");
      chromium.waitFor("document.querySelector('.msg.agent .tool[data-outcome=\"ok\"]')", "the tool step, finished",
          10);
      assertThat((String) chromium.eval("document.querySelector('.msg.agent .tool').textContent"))
          .contains("switch_light").contains("light.kitchen");
      chromium.waitFor("[...document.querySelectorAll('#audit-rows td')].some(td => td.textContent === "
          + "'switch_light')", "the audit row", 10);
      assertThat(home.state("light.kitchen").getString("state")).isEqualTo("on");
      assertThat(chromium.log).noneMatch(line -> line.contains("Content Security Policy"))
          .noneMatch(line -> line.startsWith("exception"));
      chromium.screenshot(Path.of("target", "console.png"));

      chromium.viewport(390, 844, true);
      chromium.eval("new Promise(r => setTimeout(r, 300))");
      assertThat(((Number) chromium.eval("document.documentElement.scrollWidth")).intValue())
          .as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);
      chromium.screenshot(Path.of("target", "console-phone.png"));
    } finally {
      house.close();
    }
  }
}
