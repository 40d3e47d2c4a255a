package io.harpou.wyoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.wyoming.info.Artifact;
import io.harpou.wyoming.info.AsrProgram;
import io.harpou.wyoming.info.Attribution;
import io.harpou.wyoming.info.DeviceFormat;
import io.harpou.wyoming.info.AudioProgram;
import io.harpou.wyoming.info.HandleProgram;
import io.harpou.wyoming.info.Info;
import io.harpou.wyoming.info.IntentProgram;
import io.harpou.wyoming.info.Model;
import io.harpou.wyoming.info.SatelliteInfo;
import io.harpou.wyoming.info.TtsProgram;
import io.harpou.wyoming.info.TtsVoice;
import io.harpou.wyoming.info.WakeModel;
import io.harpou.wyoming.info.WakeProgram;
import io.harpou.wyoming.message.Asr;
import io.harpou.wyoming.message.Audio;
import io.harpou.wyoming.message.Control;
import io.harpou.wyoming.message.Handle;
import io.harpou.wyoming.message.Intents;
import io.harpou.wyoming.message.Pipeline;
import io.harpou.wyoming.message.PipelineStage;
import io.harpou.wyoming.message.SatelliteStatus;
import io.harpou.wyoming.message.Timers;
import io.harpou.wyoming.message.Tts;
import io.harpou.wyoming.message.Vad;
import io.harpou.wyoming.message.Wake;
import io.harpou.wyoming.message.WyomingMessages;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WyomingMessagesTest {

  private static final JsonObject CTX = new JsonObject().put("conversation_id", "01J");
  private static final Attribution ATTR = new Attribution("Harpou", "https://example.org");

  /** One fully populated instance of every typed message. */
  static List<WyomingMessage> samples() {
    Artifact art = new Artifact("whisper", ATTR, true, "Speech", "1.0");
    Info info = new Info(
        List.of(new AsrProgram(art, List.of(new Model(Artifact.installed("base", ATTR), List.of("en", "fr"))),
            true, false, true, false)),
        List.of(new TtsProgram(art, List.of(new TtsVoice(art, List.of("en_US"), List.of("0", "1"))), true)),
        List.of(new HandleProgram(art, List.of(new Model(art, List.of("en"))), false, true)),
        List.of(new IntentProgram(art, List.of())),
        List.of(new WakeProgram(art, List.of(new WakeModel(art, List.of("en"), "ok nabu")))),
        List.of(new AudioProgram(art, new DeviceFormat(16000, 2, 1))),
        List.of(new AudioProgram(art, new DeviceFormat(22050, 2, 1))),
        new SatelliteInfo(art, "Kitchen", true, List.of("ok_nabu"), 1, false));
    return List.of(
        new Audio.AudioStart(16000, 2, 1, 5L),
        new Audio.AudioChunk(16000, 2, 1, 64L, Buffer.buffer(new byte[] {1, 2, 3, 4})),
        new Audio.AudioStop(1280L),
        new Control.Describe(), info, new Control.Ping("x"), new Control.Pong("x"),
        new Control.ErrorMessage("Model not found", "FileNotFoundError"),
        new Control.UserEvent("led-color", new JsonObject().put("rgb", List.of(255, 0, 0)), CTX),
        new Asr.Transcribe("base-int8", "en", CTX, "default"),
        new Asr.Transcript("turn on the light", "en", CTX),
        new Asr.TranscriptStart("en", CTX), new Asr.TranscriptChunk("turn on"), new Asr.TranscriptStop(),
        new Tts.Synthesize("<speak>Hi</speak>", new Tts.SynthesizeVoice(null, null, "en"), "ssml", CTX),
        new Tts.SynthesizeStart(new Tts.SynthesizeVoice("lessac", "0", null), "text", CTX),
        new Tts.SynthesizeChunk("Turned on "), new Tts.SynthesizeStop(), new Tts.SynthesizeStopped(),
        new Wake.Detect(List.of("ok_nabu"), CTX), new Wake.Detection("ok_nabu", 1520L, "anna", CTX),
        new Wake.NotDetected(CTX),
        new Vad.VoiceStarted(320L), new Vad.VoiceStopped(2900L),
        new Intents.Recognize("turn on the kitchen light", CTX),
        new Intents.Intent("HassTurnOn", List.of(new Intents.Entity("name", "kitchen light")), "Done", CTX),
        new Intents.NotRecognized("Sorry", CTX), new Intents.IntentsStart(CTX), new Intents.IntentsStop(CTX),
        new Handle.Handled("Turned on the light", CTX), new Handle.NotHandled("Sorry", CTX),
        new Handle.HandledStart(CTX), new Handle.HandledChunk("Turned "), new Handle.HandledStop(),
        new Pipeline.RunPipeline(PipelineStage.WAKE, PipelineStage.TTS, "ok_nabu", true,
            List.of("ok_nabu", "hey_jarvis"), null),
        new Pipeline.RunSatellite(), new Pipeline.PauseSatellite(),
        new SatelliteStatus.SatelliteConnected(), new SatelliteStatus.SatelliteDisconnected(),
        new SatelliteStatus.StreamingStarted(), new SatelliteStatus.StreamingStopped(),
        new SatelliteStatus.Played(),
        new Timers.TimerStarted("01JTIMER", 300, "pizza", null, 5, null),
        new Timers.TimerUpdated("01JTIMER", false, 240), new Timers.TimerCancelled("01JTIMER"),
        new Timers.TimerFinished("01JTIMER"));
  }

  @Test
  void should_round_trip_every_typed_message_through_the_wire() {
    for (WyomingMessage message : samples()) {
      List<WyomingEvent> decoded = GoldenVectorsTest.decodeAll(WyomingCodec.encode(message).getBytes());

      assertThat(WyomingMessages.read(decoded.get(0))).as(message.toEvent().type()).isEqualTo(message);
    }
  }

  @Test
  void should_have_a_sample_for_every_known_type() {
    Set<String> sampled = samples().stream().map(m -> m.toEvent().type()).collect(Collectors.toSet());

    assertThat(sampled).containsExactlyInAnyOrderElementsOf(WyomingMessages.knownTypes());
  }

  @Test
  void should_return_unknown_event_types_unchanged() {
    WyomingEvent custom = WyomingEvent.of("x-led", new JsonObject().put("color", "red"));

    assertThat(WyomingMessages.read(custom)).isSameAs(custom);
  }

  @Test
  void should_ignore_unknown_keys_and_treat_null_as_absent() {
    WyomingEvent event = WyomingEvent.of("transcript",
        new JsonObject().put("text", "hi").put("language", null).put("confidence", 0.9));

    assertThat(WyomingMessages.read(event)).isEqualTo(new Asr.Transcript("hi", null, null));
  }

  @Test
  void should_fail_clearly_when_a_required_field_is_missing() {
    assertThatThrownBy(() -> WyomingMessages.read(WyomingEvent.of("transcript")))
        .isInstanceOf(WyomingException.class).hasMessageContaining("\"text\"");
    assertThatThrownBy(() -> WyomingMessages.read(WyomingEvent.of("audio-chunk",
        new JsonObject().put("rate", "fast"))))
        .isInstanceOf(WyomingException.class).hasMessageContaining("\"rate\"");
  }

  @ParameterizedTest
  @CsvSource({"268435455,4,2", "1,2,1", "7999,2,1", "192001,2,1", "16000,5,1", "16000,0,1", "16000,2,9",
      "16000,2,0"})
  void should_refuse_audio_formats_no_device_produces(int rate, int width, int channels) {
    JsonObject format = new JsonObject().put("rate", rate).put("width", width).put("channels", channels);

    assertThatThrownBy(() -> WyomingMessages.read(WyomingEvent.of("audio-start", format)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported audio format");
    assertThatThrownBy(() -> WyomingMessages.read(new WyomingEvent("audio-chunk", format, Buffer.buffer(4))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported audio format");
  }

  @ParameterizedTest
  @CsvSource({"8000,1,1", "192000,4,8", "44100,2,2"})
  void should_accept_the_audio_formats_at_the_edges_of_what_devices_produce(int rate, int width, int channels) {
    JsonObject format = new JsonObject().put("rate", rate).put("width", width).put("channels", channels);

    assertThat(Audio.AudioStart.fromEvent(WyomingEvent.of("audio-start", format)).rate()).isEqualTo(rate);
  }

  @Test
  void should_refuse_a_pipeline_that_ends_before_it_starts() {
    WyomingEvent event = WyomingEvent.of("run-pipeline",
        new JsonObject().put("start_stage", "tts").put("end_stage", "asr"));

    assertThatThrownBy(() -> WyomingMessages.read(event)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void should_drop_the_language_of_a_voice_chosen_by_name() {
    JsonObject voice = new Tts.SynthesizeVoice("lessac", null, "en").toJson();

    assertThat(voice).isEqualTo(new JsonObject().put("name", "lessac"));
  }

  @Test
  void should_write_every_info_list_and_the_nulls_home_assistant_expects() {
    JsonObject data = Info.empty().withAsr(List.of(new AsrProgram(Artifact.installed("w", ATTR), List.of())))
        .toEvent().data();

    assertThat(data.fieldNames()).containsExactly("asr", "tts", "handle", "intent", "wake", "mic", "snd");
    JsonObject asr = data.getJsonArray("asr").getJsonObject(0);
    assertThat(asr.containsKey("description")).isTrue();
    assertThat(asr.containsKey("version")).isTrue();
    assertThat(asr.getBoolean("requires_external_vad")).isTrue();
  }

  @Test
  void should_parse_the_info_examples_of_the_spec() throws Exception {
    List<JsonObject> infos = specInfoExamples();
    assertThat(infos).hasSize(2);

    Info server = Info.fromEvent(WyomingEvent.of("info", infos.get(0)));
    Info satellite = Info.fromEvent(WyomingEvent.of("info", infos.get(1)));

    assertThat(server.asr().get(0).models().get(0).languages()).containsExactly("en", "de");
    assertThat(server.tts().get(0).supportsSynthesizeStreaming()).isTrue();
    assertThat(server.tts().get(0).voices().get(0).speakers()).isNull();
    assertThat(satellite.satellite().area()).isEqualTo("Kitchen");
    assertThat(satellite.satellite().artifact().attribution()).isEqualTo(new Attribution("", ""));
    assertThat(Info.fromJson(server.toJson())).isEqualTo(server);
  }

  @Test
  void should_reject_an_info_entry_missing_a_key_home_assistant_requires() {
    JsonObject data = new JsonObject().put("tts", List.of(new JsonObject().put("name", "piper")
        .put("attribution", new JsonObject().put("name", "a").put("url", "u")).put("installed", true)));

    assertThatThrownBy(() -> Info.fromJson(data)).isInstanceOf(WyomingException.class)
        .hasMessageContaining("\"voices\"");
  }

  /** The two {@code {"type": "info", ...}} examples of the shared spec, read from the spec file itself. */
  private static List<JsonObject> specInfoExamples() throws Exception {
    Path spec = Path.of(System.getProperty("harpou.shared.dir", "../../shared"), "specs", "wyoming.md");
    String text = Files.readString(spec);
    List<JsonObject> out = new ArrayList<>();
    int from = 0;
    while ((from = text.indexOf("```json\n{\"type\": \"info\"", from)) >= 0) {
      int start = from + "```json\n".length();
      int end = text.indexOf("```", start);
      out.add(new JsonObject(text.substring(start, end)).getJsonObject("data"));
      from = end;
    }
    return out;
  }
}
