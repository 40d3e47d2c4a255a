package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.event.BridgeEvent;
import io.harpou.bridge.api.event.ReplySent;
import io.harpou.bridge.api.event.SatelliteStateChanged;
import io.harpou.bridge.api.event.SatelliteStateChanged.State;
import io.harpou.bridge.api.event.TranscriptReceived;
import io.harpou.bridge.api.event.TurnStarted;
import io.harpou.testkit.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stages of a spoken turn on {@code /metrics} as Prometheus histograms, measured between the times the events
 * carry: a kitchen satellite hears the wake word, the speech ends 1.2 s later, the transcript comes 0.3 s after that,
 * the agent answers in 0.5 s and the first audio plays 1.2 s after the end of speech.
 */
class VoiceStageMetricsTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dataDir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private void publish(BridgeEvent event) {
    vertx.eventBus().publish(BridgeAddresses.EVENTS, event.toJson());
  }

  @Test
  void should_publish_the_voice_stages_as_histograms() {
    TestContext context = new TestContext(vertx, dataDir, new JsonObject());
    context.startHttp().await();
    Instant wake = Instant.parse("2026-12-06T10:00:00Z");
    Utterance spoken = new Utterance("turn on the kitchen light", "en", "kitchen-1", Channel.SATELLITE, "kitchen",
        "kitchen-sat", null);

    publish(new SatelliteStateChanged(wake, "kitchen-sat", "kitchen", State.LISTENING, null));
    publish(new SatelliteStateChanged(wake.plusMillis(1200), "kitchen-sat", "kitchen", State.PROCESSING, null));
    publish(new TranscriptReceived(wake.plusMillis(1500), "kitchen-1", "kitchen-sat", "kitchen", spoken.text()));
    publish(new TurnStarted(wake.plusMillis(1500), "turn-1", spoken));
    publish(new ReplySent(wake.plusMillis(2000), "turn-1", Reply.answer("Done.", "kitchen-1")));
    publish(new SatelliteStateChanged(wake.plusMillis(2400), "kitchen-sat", "kitchen", State.RESPONDING, null));

    WebClient client = WebClient.create(vertx);
    Await.until("the first audio measured", () -> client.get(context.httpPort(), "127.0.0.1", "/metrics").send()
        .await().bodyAsString().contains("harpou_voice_first_audio_seconds_count 1"));
    String metrics = client.get(context.httpPort(), "127.0.0.1", "/metrics").send().await().bodyAsString();

    assertThat(metrics)
        .contains("harpou_voice_wake_to_end_of_speech_seconds_sum 1.2")
        .contains("harpou_voice_wake_to_end_of_speech_seconds_bucket{le=\"1.0\"} 0")
        .contains("harpou_voice_wake_to_end_of_speech_seconds_bucket{le=\"2.0\"} 1")
        .contains("harpou_voice_speech_to_text_seconds_sum 0.3")
        .contains("harpou_voice_speech_to_text_seconds_bucket{le=\"0.25\"} 0")
        .contains("harpou_voice_speech_to_text_seconds_bucket{le=\"0.5\"} 1")
        .contains("harpou_turn_understanding_seconds_sum 0.5")
        .contains("harpou_voice_first_audio_seconds_sum 1.2");
  }
}
