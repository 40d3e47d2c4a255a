package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.event.EventPublisher;
import io.harpou.bridge.api.event.ReplySent;
import io.harpou.bridge.api.event.SatelliteStateChanged;
import io.harpou.bridge.api.event.SatelliteStateChanged.State;
import io.harpou.bridge.api.event.TurnStarted;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Satellites in the console, in Chromium: a configured satellite that cannot be reached is listed (voice starts before
 * the HTTP API, so its state was published before anyone listened) with an offline face, not a sleeping one; an error
 * face stays long enough to be seen; and a spoken turn appears in the chat with its room.
 */
class ConsoleSatellitesBrowserTest {

  private static final String ATTIC = "document.querySelector('li[data-satellite=\"attic-sat\"]')";

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_list_an_unreachable_satellite_as_offline_hold_its_error_face_and_show_its_turns() throws Exception {
    // Port 9 (discard) is closed on a test machine: the satellite is configured but unreachable.
    TestHouse house = TestHouse.start(vertx, dir, new JsonObject(), new JsonObject()
        .put("wyoming", new JsonObject().put("host", "127.0.0.1").put("port", 0))
        .put("voice", new JsonObject().put("satellites", new JsonArray().add(new JsonObject().put("id", "attic-sat")
            .put("host", "127.0.0.1").put("port", 9).put("room", "attic")))));
    try (ConsolePage page = ConsolePage.open(vertx, dir, house)) {
      HeadlessChromium chromium = page.chromium;
      chromium.waitFor(ATTIC, "the configured satellite", 20);
      assertThat(chromium.eval(ATTIC + ".dataset.face")).isEqualTo("offline");
      assertThat(chromium.eval(ATTIC + ".querySelector('.sat-state').textContent")).isEqualTo("offline");
      assertThat(chromium.eval(ATTIC + ".querySelector('.sat-room').textContent")).isEqualTo("attic");

      EventPublisher events = new EventPublisher(vertx);
      events.publish(new SatelliteStateChanged(Instant.now(), "attic-sat", "attic", State.ERROR, null));
      events.publish(new SatelliteStateChanged(Instant.now(), "attic-sat", "attic", State.IDLE, null));
      chromium.waitFor(ATTIC + ".dataset.face === 'error'", "the error face", 5);
      chromium.waitFor(ATTIC + ".dataset.face === 'idle'", "the state after the error", 15);

      Utterance spoken = new Utterance("what time is it", "en", "attic-sat-1", Channel.SATELLITE, "attic",
          "attic-sat", null);
      events.publish(new TurnStarted(Instant.now(), "turn-attic-1", spoken));
      events.publish(new ReplySent(Instant.now(), "turn-attic-1", Reply.answer("It is noon.", "attic-sat-1")));
      chromium.waitFor("document.querySelector('.msg.user.voice')", "the spoken turn in the chat", 10);
      assertThat(chromium.eval("document.querySelector('.msg.user.voice .origin').textContent"))
          .isEqualTo("Voice, attic");
      assertThat(chromium.eval("document.querySelector('.msg.user.voice .text').textContent"))
          .isEqualTo("what time is it");
      chromium.waitFor("document.querySelector('.msg.agent:not(.working) .text')", "its answer", 10);
      assertThat(chromium.eval("document.querySelector('.msg.agent .text').textContent")).isEqualTo("It is noon.");
      page.screenshots("satellites");
    }
  }
}
