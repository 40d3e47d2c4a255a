package io.harpou.bridge.vertx.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.event.SatelliteStateChanged.State;
import io.harpou.bridge.api.voice.Announcement;
import io.harpou.bridge.api.voice.SatelliteSettings;
import io.harpou.bridge.vertx.speech.EspeakTtsService;
import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.message.Pipeline.RunPipeline;
import io.harpou.wyoming.message.PipelineStage;
import io.harpou.wyoming.message.SatelliteStatus;
import io.harpou.wyoming.message.Wake;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a household sets on a satellite (from Home Assistant's switches) is what the satellite does: muted, it does
 * not listen; on do not disturb, it announces nothing; at a lower volume, what it plays is quieter.
 */
class SatelliteSettingsTest {

  private final Vertx vertx = Vertx.vertx();
  private final FakeStt stt = new FakeStt("unlock the front door");
  private final RecordingAgent agent = new RecordingAgent("Done.");
  private FakeSatellite kitchen;
  private StateLog states;
  private WyomingServiceVerticle verticle;

  @BeforeEach
  void setUp() throws Exception {
    EspeakTtsService tts = Speech.espeak(vertx);
    states = new StateLog(vertx);
    kitchen = new FakeSatellite(vertx, "Kitchen");
    verticle = new WyomingServiceVerticle(new VoiceOptions().setHost("127.0.0.1").setPort(0)
        .setSatellites(List.of(kitchen.config("Kitchen", "kitchen-sat"))).setPlayedGraceMs(200),
        VoiceBackends.of(stt, tts, agent));
    vertx.deployVerticle(verticle).await();
    kitchen.awaitRunning();
    states.await("kitchen-sat", State.IDLE);
  }

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  @Test
  void should_not_listen_to_a_muted_satellite() throws Exception {
    verticle.control().apply("kitchen-sat", SatelliteSettings.DEFAULT.withMuted(true)).await();
    kitchen.send(new Wake.Detection("ok_nabu", 1L, null, null));
    kitchen.send(new RunPipeline(PipelineStage.ASR, PipelineStage.TTS, false));
    kitchen.stream(Speech.microphone(vertx, "unlock the front door", 1.0, 600));
    WyomingEvent error = kitchen.expect("error");
    assertThat(error.data().getString("code")).isEqualTo("satellite-muted");
    Thread.sleep(500);
    assertThat(stt.heard).isEmpty();
    assertThat(agent.asked).isEmpty();
    assertThat(states.of("kitchen-sat")).doesNotContain(State.LISTENING);
  }

  @Test
  void should_announce_nothing_on_a_satellite_set_to_do_not_disturb() throws Exception {
    verticle.control().apply("kitchen-sat", SatelliteSettings.DEFAULT.withDoNotDisturb(true)).await();
    assertThatThrownBy(() -> verticle.announcer().announce(new Announcement("Kitchen", "Timer done.", "en")).await())
        .isInstanceOf(BridgeException.class).hasMessageContaining("do not disturb");
    Thread.sleep(300);
    assertThat(kitchen.drain()).noneMatch(e -> e.type().startsWith("audio"));
  }

  @Test
  void should_play_quieter_at_a_lower_volume() throws Exception {
    double loud = peak(announce());
    verticle.control().apply("kitchen-sat", SatelliteSettings.DEFAULT.withVolume(25)).await();
    double quiet = peak(announce());
    assertThat(quiet).isBetween(loud * 0.2, loud * 0.3);
  }

  private List<WyomingEvent> announce() throws Exception {
    Future<Void> spoken = verticle.announcer().announce(new Announcement("Kitchen", "The pizza is ready.", "en"));
    List<WyomingEvent> events = kitchen.until("audio-stop");
    kitchen.send(new SatelliteStatus.Played());
    spoken.await();
    return events;
  }

  private static double peak(List<WyomingEvent> events) {
    int peak = 0;
    for (WyomingEvent event : events) {
      if (event.type().equals("audio-chunk")) {
        Buffer pcm = event.payload();
        for (int i = 0; i + 1 < pcm.length(); i += 2) {
          peak = Math.max(peak, Math.abs(pcm.getShortLE(i)));
        }
      }
    }
    return peak;
  }
}
