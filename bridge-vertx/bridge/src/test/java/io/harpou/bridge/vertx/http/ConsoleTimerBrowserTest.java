package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Timers in the console, in Chromium: one that rings plays a chime, shows a browser notification and says so in the
 * conversation that set it; one cancelled from the task list is cancelled in Harpou.
 */
class ConsoleTimerBrowserTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_chime_notify_and_tell_the_conversation_when_a_timer_rings_and_cancel_another() throws Exception {
    try (ConsolePage page = ConsolePage.open(vertx, dir, TestHouse.start(vertx, dir, new JsonObject(),
        TimerModel.sections(vertx)))) {
      HeadlessChromium chromium = page.chromium;
      // Records what the page shows and plays, as the person would see and hear it.
      chromium.eval("window.shown = []; window.Notification = class { static permission = 'granted';"
          + " static requestPermission() { return Promise.resolve('granted'); }"
          + " constructor(title, options) { shown.push(options.body); } };"
          + " window.tones = 0; const make = AudioContext.prototype.createOscillator;"
          + " AudioContext.prototype.createOscillator = function () { tones++; return make.call(this); }");

      page.ask("set a timer for 2 seconds", 1);
      chromium.waitFor("document.querySelector('.msg.agent.notice')", "the timer's message in the chat", 20);
      assertThat((String) chromium.eval("document.querySelector('.msg.agent.notice .text').textContent"))
          .contains("time is up");
      assertThat((String) chromium.eval("shown.join()")).contains("time is up");
      assertThat(((Number) chromium.eval("tones")).intValue()).isEqualTo(2);

      page.ask("set a timer for 10 minutes", 3);
      String waiting = "[...document.querySelectorAll('#task-list li.task')].find(t => t.dataset.status === 'queued')";
      chromium.waitFor(waiting, "the ten-minute timer", 10);
      chromium.eval(waiting + ".querySelector('button').click()");
      chromium.waitFor("[...document.querySelectorAll('#task-list li.task')].some(t => t.dataset.status === "
          + "'cancelled')", "the timer cancelled", 10);
      assertThat(page.house.bridge.timers().orElseThrow().list()).as("the voice timers left").isEmpty();
      page.screenshots("timers");
    }
  }
}
