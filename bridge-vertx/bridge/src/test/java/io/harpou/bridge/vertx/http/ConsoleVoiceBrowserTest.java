package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.voice.SpeechAudio;
import io.harpou.bridge.api.voice.Wav;
import io.harpou.bridge.vertx.voice.Satellite;
import io.harpou.testkit.Await;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Speaking to Harpou from the console, in Chromium, whose fake microphone plays a recording of a person speaking:
 * the speech goes through the satellites' voice pipeline (end of speech, speech to text, the agent, espeak-ng) as a
 * satellite of the console's room, the transcript comes back, the light is turned on, the turn appears in the chat
 * with its room, and the spoken answer is played. Speech to text is a stand-in answering a fixed transcript (see
 * {@link TestHouseSpeech}), which counts the audio it was given.
 */
class ConsoleVoiceBrowserTest {

  private static final Path DATA = Path.of(System.getProperty("harpou.shared.dir"), "data");

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  /**
   * The recording as Chromium's fake microphone reads it, in this test's temporary directory: Chromium takes only a
   * WAV whose data follows its format at once, and the shared recording carries a LIST chunk between them, which
   * leaves the fake microphone silent.
   */
  private Path microphone() throws Exception {
    SpeechAudio speech = Wav.read(Buffer.buffer(Files.readAllBytes(DATA.resolve("jfk.wav"))));
    return Files.write(dir.resolve("microphone.wav"), Wav.write(speech).getBytes());
  }

  @Test
  void should_transcribe_the_speech_answer_it_and_play_the_answer() throws Exception {
    JsonObject sections = new JsonObject()
        .put("voice", new JsonObject().put("test_transcript", "turn on the kitchen light"))
        .put("wyoming", new JsonObject().put("port", 0))
        .put("memory", new JsonObject().put("enabled", false));
    TestHouse house = TestHouse.start(vertx, dir, new JsonObject(), sections);
    try (ConsolePage page = ConsolePage.open(vertx, dir, house, "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream", "--use-file-for-fake-audio-capture=" + microphone())) {
      HeadlessChromium chromium = page.chromium;
      chromium.eval("document.querySelector('nav.tabs button[data-view=\"settings\"]').click()");
      chromium.eval("{ const s = document.getElementById('console-room'); s.value = 'kitchen';"
          + " s.dispatchEvent(new Event('change')); }");
      chromium.eval("document.querySelector('nav.tabs button[data-view=\"talk\"]').click()");

      assertThat(chromium.eval("getComputedStyle(document.getElementById('mic')).display"))
          .as("offered, since voice runs").isNotEqualTo("none");
      chromium.click("#mic");
      chromium.waitFor("document.getElementById('mic').dataset.state === 'listening'", "the microphone listening",
          20);
      assertThat(house.bridge.satellites().orElseThrow().list()).as("the console among the satellites")
          .anySatisfy(satellite -> {
            assertThat(satellite.id()).startsWith("console-");
            assertThat(satellite.room()).isEqualTo("kitchen");
          });
      chromium.waitFor("document.getElementById('mic').dataset.transcript", "the transcript", 30);
      assertThat(chromium.eval("document.getElementById('mic').dataset.transcript"))
          .isEqualTo("turn on the kitchen light");
      // The person's first phrase, "And so my fellow Americans", up to the silence after it: over two seconds.
      assertThat(TestHouseSpeech.HEARD_BYTES.get()).as("16 kHz audio heard").isGreaterThan(2 * 32_000);
      Await.until("the kitchen light on", () -> "on".equals(house.state("light.kitchen")));
      chromium.waitFor("document.querySelector('.msg.user.voice')", "the spoken turn in the chat", 20);
      assertThat(chromium.eval("document.querySelector('.msg.user.voice .origin').textContent"))
          .isEqualTo("Voice, kitchen");
      chromium.waitFor("Number(document.getElementById('mic').dataset.playedMs) > 0", "the spoken answer", 60);
      chromium.waitFor("document.getElementById('mic').dataset.state === 'idle'", "the answer played", 60);
      assertThat(chromium.eval("document.getElementById('voice-status').textContent")).isEqualTo("");
      Await.until("the console's line closed once answered", () -> house.bridge.satellites().orElseThrow().list()
          .stream().map(Satellite::id).noneMatch(id -> id.startsWith("console-")));
      page.screenshots("voice");
    }
  }
}
