package io.harpou.bridge.vertx.http;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A test house and a headless Chromium showing its console through the link the hub prints, for the console's browser
 * tests. Closing it closes both.
 */
final class ConsolePage implements AutoCloseable {

  /** The kitchen light's state as the console shows it. */
  static final String KITCHEN = "document.querySelector('li.device[data-entity-id=\"light.kitchen\"] .state')";

  final TestHouse house;
  final HeadlessChromium chromium;

  ConsolePage(TestHouse house, HeadlessChromium chromium) {
    this.house = house;
    this.chromium = chromium;
  }

  /** Opens the console of {@code house} in a fresh profile under {@code dir}; waits for the house and live events. */
  static ConsolePage open(Vertx vertx, Path dir, TestHouse house, String... flags) throws Exception {
    HeadlessChromium chromium = null;
    try {
      chromium = HeadlessChromium.launch(vertx, Files.createDirectories(dir.resolve("profile")), flags);
      chromium.navigate(house.bridge.consoleUrl().orElseThrow());
      chromium.waitFor(KITCHEN, "the kitchen light in the home panel", 20);
      chromium.waitFor("document.getElementById('link').dataset.state === 'live'", "the live event link", 20);
      return new ConsolePage(house, chromium);
    } catch (Exception | AssertionError e) {
      if (chromium != null) {
        chromium.close();
      }
      house.close();
      throw e;
    }
  }

  /** Reloads the page and waits for the new one to show the house. */
  void reload() {
    chromium.reload();
    chromium.waitFor(KITCHEN, "the house after a reload", 20);
  }

  /** Types {@code text} into the chat and waits for the answer of that turn (the n-th agent bubble, from 1). */
  String ask(String text, int nth) {
    chromium.type("chat-input", text);
    return answer(nth);
  }

  /** Waits for the n-th agent bubble (from 1) to be answered and returns its text. */
  String answer(int nth) {
    String bubble = "document.querySelectorAll('.msg.agent')[" + (nth - 1) + "]";
    chromium.waitFor(bubble + " && !" + bubble + ".classList.contains('working')", "answer " + nth, 20);
    return (String) chromium.eval(bubble + ".querySelector('.text').textContent");
  }

  /**
   * Saves the page at desktop (1400x900) and phone (390x844) sizes as {@code target/console-NAME.png} and
   * {@code target/console-NAME-phone.png}, for a reviewer to look at; the page is left at desktop size.
   */
  void screenshots(String name) throws Exception {
    chromium.viewport(1400, 900, false);
    chromium.screenshot(Path.of("target", "console-" + name + ".png"));
    chromium.viewport(390, 844, true);
    chromium.eval("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    chromium.screenshot(Path.of("target", "console-" + name + "-phone.png"));
    chromium.viewport(1400, 900, false);
  }

  @Override
  public void close() {
    try {
      chromium.close();
    } finally {
      house.close();
    }
  }
}
