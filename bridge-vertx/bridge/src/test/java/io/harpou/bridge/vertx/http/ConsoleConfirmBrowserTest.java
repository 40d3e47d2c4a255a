package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A protected action asked from the console, in Chromium: the question says what will happen, with Yes and No buttons
 * and a countdown; Yes unlocks the door in the virtual home through the same confirmation as speech, No leaves it
 * locked, an expired question can no longer be answered, and a typed "yes" still works.
 */
class ConsoleConfirmBrowserTest {

  private static final String BOX = "document.querySelectorAll('.msg.agent')[%d].querySelector('.confirm')";

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private ConsolePage open(long timeoutMs) throws Exception {
    return ConsolePage.open(vertx, dir, TestHouse.start(vertx, dir, new JsonObject(), new JsonObject().put("agent",
        new JsonObject().put("policy", new JsonObject().put("confirmation_timeout_ms", timeoutMs)))));
  }

  private static String box(int index) {
    return String.format(BOX, index);
  }

  @Test
  void should_unlock_on_yes_keep_locked_on_no_and_accept_a_typed_yes() throws Exception {
    try (ConsolePage page = open(30_000)) {
      HeadlessChromium chromium = page.chromium;

      assertThat(page.ask("unlock the front door", 1)).containsIgnoringCase("front door").contains("?");
      chromium.waitFor(box(0), "the confirmation buttons", 5);
      assertThat((String) chromium.eval(box(0) + ".querySelector('.countdown').textContent"))
          .matches("Expires in (30|29|28|27) s");
      assertThat(chromium.eval("document.activeElement.textContent")).isEqualTo("Yes");
      page.screenshots("confirm");
      chromium.eval(box(0) + ".querySelector('button.no').click()");
      assertThat(page.answer(2)).isEqualTo("OK, I won't.");
      assertThat(page.house.state("lock.front_door")).isEqualTo("locked");
      assertThat(chromium.eval(box(0) + ".querySelector('button.yes').disabled")).isEqualTo(true);

      page.ask("unlock the front door", 3);
      chromium.waitFor(box(2), "the second question's buttons", 5);
      chromium.eval(box(2) + ".querySelector('button.yes').click()");
      assertThat(page.answer(4)).isEqualTo("Done.");
      assertThat(page.house.state("lock.front_door")).isEqualTo("unlocked");

      page.house.home.setState("lock.front_door", "locked");
      page.ask("unlock the front door", 5);
      assertThat(page.ask("yes", 6)).isEqualTo("Done.");
      assertThat(page.house.state("lock.front_door")).isEqualTo("unlocked");
      assertThat(chromium.eval(box(4) + ".querySelector('button.yes').disabled")).isEqualTo(true);
    }
  }

  @Test
  void should_disable_the_buttons_once_the_question_expires() throws Exception {
    try (ConsolePage page = open(2_000)) {
      HeadlessChromium chromium = page.chromium;

      page.ask("unlock the front door", 1);
      chromium.waitFor(box(0) + ".dataset.state === 'expired'", "the question to expire", 10);

      assertThat(chromium.eval(box(0) + ".querySelector('button.yes').disabled")).isEqualTo(true);
      assertThat(chromium.eval(box(0) + ".querySelector('.countdown').textContent"))
          .isEqualTo("Expired: nothing was done.");
      assertThat(page.house.state("lock.front_door")).isEqualTo("locked");
    }
  }
}
