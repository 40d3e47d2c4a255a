package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.event.AlertChanged;
import io.harpou.bridge.api.event.EventPublisher;
import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.bridge.vertx.memory.MemoryOptions;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's alert banner in a real headless Chromium: an alert and its repair question show at the top and go
 * when the alert clears, and text from the monitored world (a container's name) is shown as text, never run.
 */
class ConsoleAlertsBrowserTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_show_an_alert_and_its_question_as_text_and_drop_it_when_cleared() throws Exception {
    BridgeOptions options = new BridgeOptions().setDataDir(dir.resolve("data")).setMonitorsEnabled(false)
        .setHttp(new HttpApiOptions().setHost("127.0.0.1").setPort(0))
        .setMemory(new MemoryOptions().setEnabled(false));
    Bridge bridge = Bridge.create(vertx, options).start().await();
    String hostile = "Container <img src=x onerror=\"window.owned=1\"> is unhealthy.";
    AlertChanged alert = new AlertChanged(Instant.now(), "01ALERT", "docker", "docker:x", "critical",
        AlertChanged.State.ASKING, hostile, "Restart the container x? Say yes to confirm.", "repair-01ALERT");
    EventPublisher events = new EventPublisher(vertx);

    try (HeadlessChromium chromium = HeadlessChromium.launch(vertx, Files.createDirectories(dir.resolve("profile")))) {
      // The console opens from the link the hub prints, which carries its token.
      chromium.navigate(bridge.consoleUrl().orElseThrow());
      chromium.waitFor("document.getElementById('link')?.dataset.state === 'live'", "the live event link", 20);
      events.publish(alert);
      chromium.waitFor("document.querySelector('#alerts .alert')", "the alert banner", 10);

      assertThat((String) chromium.eval("document.querySelector('#alerts .alert').textContent"))
          .startsWith(hostile).contains("Restart the container x?");
      assertThat(chromium.eval("document.querySelectorAll('#alerts img').length")).isEqualTo(0);
      assertThat(chromium.eval("window.owned === undefined")).isEqualTo(true);
      assertThat(chromium.eval("document.querySelector('#alerts .alert').classList.contains('critical')"))
          .isEqualTo(true);

      events.publish(alert.to(AlertChanged.State.CLEARED, null));
      chromium.waitFor("document.getElementById('alerts').hidden", "the banner to go", 10);
    } finally {
      bridge.close().await();
    }
  }
}
