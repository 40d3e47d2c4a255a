package io.harpou.bridge.vertx.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.AgentProfile;
import io.harpou.bridge.api.agent.AgentProfiles;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.event.SatelliteStateChanged.State;
import io.harpou.bridge.api.voice.SpeechAudio;
import io.harpou.bridge.vertx.speech.EspeakTtsService;
import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.message.Pipeline.RunPipeline;
import io.harpou.wyoming.message.PipelineStage;
import io.harpou.wyoming.message.Wake;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Agent profiles at the satellites: the satellite in a profile's room, or woken by a profile's wake word, hears and
 * speaks in the profile's language and voice, and the wake word calls that profile. The answers are real espeak-ng
 * speech, compared with what espeak-ng says in each voice.
 */
class SatelliteProfilesTest {

  private static final String ANSWER = "The oven is hot.";
  private static final AgentProfile BUTLER = new AgentProfile("butler", "Jeeves", "You are Jeeves.", "en", null,
      List.of(), null, "en-gb-x-rp", List.of("kitchen"), List.of(), null, null, null);
  private static final AgentProfile CHEF = new AgentProfile("chef", "Chef", "Tu es Chef.", "fr", null, List.of(),
      null, null, List.of(), List.of(), "Hey Chef", null, null);

  private final Vertx vertx = Vertx.vertx();
  private final FakeStt stt = new FakeStt("is the oven hot");
  private final RecordingAgent agent = new RecordingAgent(ANSWER);
  private EspeakTtsService tts;
  private StateLog states;
  private static Buffer speech;

  @BeforeEach
  void setUp() {
    tts = Speech.espeak(vertx);
    states = new StateLog(vertx);
    if (speech == null) {
      speech = Speech.microphone(vertx, "is the oven hot", 1.0, 1200);
    }
  }

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  private FakeSatellite start(String room, String id) throws InterruptedException {
    FakeSatellite satellite = new FakeSatellite(vertx, room);
    AgentProfiles profiles = () -> List.of(BUTLER, CHEF);
    VoiceOptions options = new VoiceOptions().setHost("127.0.0.1").setPort(0)
        .setSatellites(List.of(satellite.config(room, id))).setPlayedGraceMs(100);
    vertx.deployVerticle(new WyomingServiceVerticle(options, VoiceBackends.of(stt, tts, agent, profiles))).await();
    satellite.awaitRunning();
    states.await(id, State.IDLE);
    return satellite;
  }

  /** The answer's audio the satellite received, every chunk in order. */
  private static Buffer spoken(FakeSatellite satellite) throws InterruptedException {
    Buffer audio = Buffer.buffer();
    satellite.until("audio-stop").stream().filter(e -> e.type().equals("audio-chunk"))
        .forEach(e -> audio.appendBuffer(e.payload()));
    return audio;
  }

  private Buffer espeak(String text, String language, String voice) {
    SpeechAudio audio = tts.synthesize(text, language, voice).await();
    return audio.pcm();
  }

  @Test
  void should_speak_with_the_voice_of_the_profile_that_answers_the_satellites_room() throws Exception {
    FakeSatellite kitchen = start("kitchen", "kitchen-sat");

    kitchen.send(new Wake.Detection("ok_nabu", 1520L, null, null));
    kitchen.send(new RunPipeline(PipelineStage.ASR, PipelineStage.TTS, false));
    kitchen.stream(speech);
    WyomingEvent synthesize = kitchen.expect("synthesize");
    Buffer heard = spoken(kitchen);

    assertThat(synthesize.data().getJsonObject("voice").getString("name")).isEqualTo("en-gb-x-rp");
    assertThat(heard).isEqualTo(espeak(ANSWER, "en", "en-gb-x-rp"));
    assertThat(heard).isNotEqualTo(espeak(ANSWER, "en", null));
  }

  @Test
  void should_hand_a_turn_to_the_profile_its_wake_word_calls_in_its_language() throws Exception {
    FakeSatellite living = start("living room", "living-sat");

    // The satellite's wake word model is named as openWakeWord names them.
    living.send(new RunPipeline(PipelineStage.ASR, PipelineStage.TTS, false));
    living.send(new Wake.Detection("hey_chef", 1520L, null, null));
    living.stream(speech);
    WyomingEvent transcript = living.expect("transcript");
    Buffer heard = spoken(living);

    Utterance asked = agent.asked.get(0);
    assertThat(asked.agentId()).isEqualTo("chef");
    assertThat(asked.language()).isEqualTo("fr");
    assertThat(transcript.data().getString("language")).isEqualTo("fr");
    assertThat(heard).isEqualTo(espeak(ANSWER, "fr", null));
  }

  @Test
  void should_leave_a_turn_woken_by_another_word_outside_any_room_to_the_hubs_own_agent() throws Exception {
    FakeSatellite living = start("living room", "living-sat");

    living.send(new Wake.Detection("ok_nabu", 1520L, null, null));
    living.send(new RunPipeline(PipelineStage.ASR, PipelineStage.TTS, false));
    living.stream(speech);
    Buffer heard = spoken(living);

    Utterance asked = agent.asked.get(0);
    assertThat(asked.agentId()).isNull();
    assertThat(asked.language()).isEqualTo("en");
    assertThat(heard).isEqualTo(espeak(ANSWER, "en", null));
  }
}
