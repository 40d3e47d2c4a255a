package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console opened with an API key instead of the console link, in Chromium: a wrong key is refused with a message,
 * Escape never leaves the page waiting in silence, the key is asked once for every tab, and the console's own
 * refreshes never use up the commands the key may send.
 */
class ConsoleKeyBrowserTest {

  private static final String DIALOG = "document.getElementById('key-dialog')?";

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_refuse_a_wrong_key_with_a_message_survive_escape_and_ask_once_for_every_tab() throws Exception {
    String key = TestHouse.createKey(vertx, dir, "tablet");
    try (TestHouse house = TestHouse.start(vertx, dir, new JsonObject());
         HeadlessChromium chromium = HeadlessChromium.launch(vertx, Files.createDirectories(dir.resolve("profile")))) {
      String console = "http://127.0.0.1:" + house.port() + "/console/";
      chromium.navigate(console);
      chromium.waitFor(DIALOG + ".open", "the key dialog", 20);

      chromium.press("Escape", 27);
      chromium.waitFor("!" + DIALOG + ".open", "the dialog closed", 5);
      chromium.waitFor("document.querySelector('#home-status button')", "a way back to the key", 5);
      assertThat((String) chromium.eval("document.getElementById('home-status').textContent"))
          .contains("needs the console link or an API key");
      chromium.eval("document.querySelector('#home-status button').click()");
      chromium.waitFor(DIALOG + ".open", "the key dialog again", 5);

      chromium.type("key-input", "hpk_wrong");
      chromium.waitFor("!document.getElementById('key-error').hidden", "the refusal message", 10);
      assertThat((String) chromium.eval("document.getElementById('key-error').textContent")).contains("refused");
      assertThat(chromium.eval(DIALOG + ".open")).isEqualTo(true);

      chromium.type("key-input", key);
      chromium.waitFor(ConsolePage.KITCHEN, "the house, once the key is right", 20);

      chromium.navigate(console);
      chromium.waitFor(ConsolePage.KITCHEN, "the house in a new page, without asking again", 20);
      assertThat(chromium.eval(DIALOG + ".open")).isEqualTo(false);
    }
  }

  @Test
  void should_not_count_the_console_s_refreshes_against_the_key_s_commands() throws Exception {
    String key = TestHouse.createKey(vertx, dir, "tablet");
    try (TestHouse house = TestHouse.start(vertx, dir, new JsonObject().put("rate_limit_per_minute", 4));
         HeadlessChromium chromium = HeadlessChromium.launch(vertx, Files.createDirectories(dir.resolve("profile")))) {
      chromium.navigate("http://127.0.0.1:" + house.port() + "/console/");
      chromium.waitFor(DIALOG + ".open", "the key dialog", 20);
      chromium.type("key-input", key);
      chromium.waitFor(ConsolePage.KITCHEN, "the house", 20);
      chromium.waitFor("document.getElementById('link').dataset.state === 'live'", "the live event link", 20);
      ConsolePage page = new ConsolePage(house, chromium);

      for (int i = 1; i <= 4; i++) {
        String answer = page.ask("turn " + (i % 2 == 1 ? "on" : "off") + " the kitchen light", i);
        assertThat(answer).as("command %d", i).startsWith("Turned");
        chromium.eval("document.getElementById('audit-refresh').click()");
      }
      assertThat(page.ask("turn on the kitchen light", 5)).contains("too many requests");
      assertThat(house.state("light.kitchen")).isEqualTo("off");
      assertThat((String) chromium.eval("document.getElementById('toasts').textContent"))
          .doesNotContain("too many requests");
    }
  }
}
