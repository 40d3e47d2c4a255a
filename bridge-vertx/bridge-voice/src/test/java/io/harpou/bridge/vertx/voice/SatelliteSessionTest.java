package io.harpou.bridge.vertx.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.event.SatelliteStateChanged.State;
import io.harpou.bridge.api.voice.Announcement;
import io.harpou.bridge.vertx.speech.EspeakTtsService;
import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.message.Asr;
import io.harpou.wyoming.message.Audio;
import io.harpou.wyoming.message.Pipeline.RunPipeline;
import io.harpou.wyoming.message.PipelineStage;
import io.harpou.wyoming.message.SatelliteStatus;
import io.harpou.wyoming.message.Wake;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Satellite sessions against simulated wyoming-satellites (our own Wyoming servers), speaking real espeak-ng speech
 * resampled to 16 kHz into the microphone stream. Speech to text is a fixed-transcript stand-in (see {@link FakeStt}).
 */
class SatelliteSessionTest {

  private final Vertx vertx = Vertx.vertx();
  private final FakeStt stt = new FakeStt("turn on the kitchen light");
  private final RecordingAgent agent = new RecordingAgent("The kitchen light is on.");
  private final List<FakeSatellite> satellites = new ArrayList<>();
  private EspeakTtsService tts;
  private StateLog states;
  private WyomingServiceVerticle verticle;
  private static Buffer speech;

  @BeforeEach
  void setUp() {
    tts = Speech.espeak(vertx);
    states = new StateLog(vertx);
    if (speech == null) {
      speech = Speech.microphone(vertx, "turn on the kitchen light", 1.0, 1200);
    }
  }

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  private FakeSatellite satellite(String area) {
    FakeSatellite satellite = new FakeSatellite(vertx, area);
    satellites.add(satellite);
    return satellite;
  }

  private VoiceOptions options(SatelliteConfig... configs) {
    return new VoiceOptions().setHost("127.0.0.1").setPort(0).setSatellites(List.of(configs))
        .setReconnectInitialMs(100).setReconnectMaxMs(400);
  }

  private void start(VoiceOptions options, boolean withStt) {
    verticle = new WyomingServiceVerticle(options, VoiceBackends.of(withStt ? stt : null, tts, agent));
    vertx.deployVerticle(verticle).await();
  }

  private static Buffer scaled(Buffer pcm, double gain) {
    Buffer out = Buffer.buffer(pcm.length());
    for (int i = 0; i < pcm.length(); i += 2) {
      out.appendShortLE((short) Math.round(pcm.getShortLE(i) * gain));
    }
    return out;
  }

  private static void wake(FakeSatellite satellite) {
    satellite.send(new Wake.Detection("ok_nabu", 1520L, null, null));
    satellite.send(new RunPipeline(PipelineStage.ASR, PipelineStage.TTS, false));
  }

  private static long audioBytes(List<WyomingEvent> events) {
    return events.stream().filter(e -> e.type().equals("audio-chunk")).mapToLong(e -> e.payload().length()).sum();
  }

  @Test
  void should_run_a_full_voice_turn_and_wait_for_played() throws Exception {
    FakeSatellite kitchen = satellite("Kitchen");
    start(options(kitchen.config("kitchen", "kitchen-sat")).setPlayedGraceMs(60_000), true);
    kitchen.awaitRunning();
    states.await("kitchen-sat", State.IDLE);

    wake(kitchen);
    kitchen.stream(speech);
    List<WyomingEvent> events = kitchen.until("audio-stop");

    List<String> types = events.stream().map(WyomingEvent::type).distinct().toList();
    assertThat(types).containsSubsequence("transcribe", "voice-started", "voice-stopped", "transcript",
        "synthesize", "audio-start", "audio-chunk", "audio-stop");
    assertThat(events.stream().filter(e -> e.type().equals("transcript")).findFirst().orElseThrow().data()
        .getString("text")).isEqualTo("turn on the kitchen light");
    WyomingEvent start = events.stream().filter(e -> e.type().equals("audio-start")).findFirst().orElseThrow();
    assertThat(start.data().getInteger("rate")).isEqualTo(22050);
    assertThat(events.stream().filter(e -> e.type().equals("audio-chunk")))
        .allSatisfy(c -> assertThat(c.payload().length()).isLessThanOrEqualTo(2048))
        .allSatisfy(c -> assertThat(c.data().getInteger("rate")).isEqualTo(22050));
    // "The kitchen light is on." lasts roughly one to two seconds.
    assertThat(audioBytes(events)).isBetween(22050L * 2 / 2, 22050L * 2 * 4);
    // The transcriber got the speech, cut by our endpointer before the whole trailing silence.
    assertThat(stt.heard.get(0).length()).isBetween(32000 / 2, speech.length() - 1);

    Utterance asked = agent.asked.get(0);
    assertThat(asked.room()).isEqualTo("kitchen");
    assertThat(asked.channel()).isEqualTo(Channel.SATELLITE);
    assertThat(asked.satellite()).isEqualTo("kitchen-sat");
    assertThat(asked.peer()).as("a satellite dialed from the configuration").isNull();

    // Still responding until the satellite says it played the answer.
    assertThat(verticle.satellites().get("kitchen-sat").orElseThrow().state()).isEqualTo(State.RESPONDING);
    kitchen.send(new SatelliteStatus.Played());
    states.await("kitchen-sat", State.IDLE);
    assertThat(states.of("kitchen-sat")).containsSubsequence(State.IDLE, State.LISTENING, State.PROCESSING,
        State.RESPONDING, State.IDLE);
  }

  @Test
  void should_let_the_loudest_of_two_satellites_woken_together_answer() throws Exception {
    FakeSatellite kitchen = satellite("Kitchen");
    FakeSatellite living = satellite("Living room");
    start(options(kitchen.config("kitchen", "kitchen-sat"), living.config("living room", "living-sat")), true);
    kitchen.awaitRunning();
    living.awaitRunning();
    states.await("kitchen-sat", State.IDLE);
    states.await("living-sat", State.IDLE);

    wake(living);
    wake(kitchen);
    living.stream(scaled(speech, 0.15));
    kitchen.stream(speech);

    WyomingEvent refused = living.expect("error");
    assertThat(refused.data().getString("code")).isEqualTo("duplicate_wake_up_detected");
    List<WyomingEvent> answered = kitchen.until("audio-stop");
    assertThat(audioBytes(answered)).isPositive();
    states.await("living-sat", State.IDLE);
    assertThat(agent.asked).hasSize(1);
    assertThat(agent.asked.get(0).room()).isEqualTo("kitchen");
    assertThat(living.drain()).noneMatch(e -> e.type().equals("audio-start"));
  }

  @Test
  void should_recover_from_a_satellite_vanishing_mid_utterance_without_disturbing_others() throws Exception {
    FakeSatellite kitchen = satellite("Kitchen");
    FakeSatellite office = satellite("Office");
    FakeSatellite dead = satellite("Attic");
    SatelliteConfig deadConfig = dead.config("attic", "attic-sat");
    dead.close();
    start(options(kitchen.config("kitchen", "kitchen-sat"), office.config("office", "office-sat"), deadConfig),
        true);
    kitchen.awaitRunning();
    office.awaitRunning();
    states.await("kitchen-sat", State.IDLE);

    wake(kitchen);
    kitchen.stream(speech.getBuffer(0, speech.length() / 3 & ~1));
    states.await("kitchen-sat", State.LISTENING);
    kitchen.drop();
    states.await("kitchen-sat", State.DISCONNECTED);

    wake(office);
    office.stream(speech);
    assertThat(audioBytes(office.until("audio-stop"))).isPositive();
    office.send(new SatelliteStatus.Played());
    states.await("office-sat", State.IDLE);

    // The kitchen link comes back by itself and works again.
    kitchen.awaitRunning();
    states.await("kitchen-sat", State.IDLE);
    wake(kitchen);
    kitchen.stream(speech);
    assertThat(audioBytes(kitchen.until("audio-stop"))).isPositive();
    assertThat(agent.asked).extracting(Utterance::room).containsExactly("office", "kitchen");
    Satellite attic = verticle.satellites().get("attic-sat").orElseThrow();
    assertThat(attic.connected()).isFalse();
    assertThat(attic.state()).isEqualTo(State.DISCONNECTED);
  }

  @Test
  void should_send_an_error_event_when_no_stt_engine_is_configured() throws Exception {
    FakeSatellite kitchen = satellite("Kitchen");
    start(options(kitchen.config("kitchen", "kitchen-sat")), false);
    kitchen.awaitRunning();
    states.await("kitchen-sat", State.IDLE);
    wake(kitchen);
    kitchen.stream(speech);
    WyomingEvent error = kitchen.expect("error");
    assertThat(error.data().getString("code")).isEqualTo("stt-provider-missing");
    states.await("kitchen-sat", State.IDLE);
    assertThat(states.of("kitchen-sat")).containsSubsequence(State.PROCESSING, State.ERROR, State.IDLE);
  }

  @Test
  void should_send_an_error_event_when_nothing_was_understood() throws Exception {
    stt.text = "";
    FakeSatellite kitchen = satellite("Kitchen");
    start(options(kitchen.config("kitchen", "kitchen-sat")), true);
    kitchen.awaitRunning();
    wake(kitchen);
    kitchen.stream(speech);
    assertThat(kitchen.expect("error").data().getString("code")).isEqualTo("stt-no-text-recognized");
    assertThat(agent.asked).isEmpty();
  }

  @Test
  void should_skip_speech_to_text_when_the_satellite_sends_a_transcript() throws Exception {
    FakeSatellite kitchen = satellite("Kitchen");
    start(options(kitchen.config("kitchen", "kitchen-sat")), true);
    kitchen.awaitRunning();
    states.await("kitchen-sat", State.IDLE);
    kitchen.send(new Asr.Transcript("what time is it", "en", null));
    assertThat(audioBytes(kitchen.until("audio-stop"))).isPositive();
    assertThat(agent.asked.get(0).text()).isEqualTo("what time is it");
    assertThat(stt.heard).isEmpty();
  }

  @Test
  void should_announce_in_a_room_and_complete_once_played() throws Exception {
    FakeSatellite kitchen = satellite("Kitchen");
    start(options(kitchen.config("Kitchen", "kitchen-sat")).setPlayedGraceMs(60_000), true);
    kitchen.awaitRunning();
    states.await("kitchen-sat", State.IDLE);

    Future<Void> spoken = verticle.announcer().announce(new Announcement("kitchen", "The pizza timer is done.", "en"));
    List<WyomingEvent> events = kitchen.until("audio-stop");
    assertThat(events.get(0).type()).isEqualTo("audio-start");
    assertThat(audioBytes(events)).isPositive();
    assertThat(spoken.isComplete()).isFalse();
    kitchen.send(new SatelliteStatus.Played());
    spoken.await();

    assertThatThrownBy(() -> verticle.announcer().announce(new Announcement("garage", "Hello.", "en")).await())
        .isInstanceOf(BridgeException.class).hasMessageContaining("garage");

    Future<Object> viaBus = vertx.eventBus().request(BridgeAddresses.VOICE_ANNOUNCE,
        new Announcement("kitchen", "Dinner is ready.", "en").toJson()).map(m -> m.body());
    kitchen.until("audio-stop");
    kitchen.send(new SatelliteStatus.Played());
    assertThat((JsonObject) viaBus.await()).isEqualTo(new JsonObject().put("played", true));
  }

  @Test
  void should_run_the_same_session_for_a_satellite_that_dials_in_and_name_it_as_a_network_peer() throws Exception {
    start(options(), true);
    try (Peer satellite = new Peer(vertx, verticle.actualPort())) {
      satellite.send(new RunPipeline(PipelineStage.ASR, PipelineStage.TTS, false));
      for (int at = 0; at < speech.length(); at += 2048) {
        satellite.send(new Audio.AudioChunk(16000, 2, 1, null,
            speech.getBuffer(at, Math.min(speech.length(), at + 2048))));
      }
      List<WyomingEvent> events = satellite.until("audio-stop");
      assertThat(events).extracting(WyomingEvent::type).contains("transcript", "audio-start");
      assertThat(verticle.satellites().list()).singleElement()
          .satisfies(s -> assertThat(s.dialedIn()).isTrue())
          .satisfies(s -> assertThat(s.connected()).isTrue());
      assertThat(agent.asked.get(0).peer()).isEqualTo("127.0.0.1");
    }
  }
}
