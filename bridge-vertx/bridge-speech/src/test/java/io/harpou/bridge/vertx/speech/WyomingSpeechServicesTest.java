package io.harpou.bridge.vertx.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.voice.AudioFormat;
import io.harpou.bridge.api.voice.Pcm;
import io.harpou.bridge.api.voice.SpeechAudio;
import io.harpou.bridge.api.voice.Transcript;
import io.harpou.bridge.api.voice.Voice;
import io.harpou.wyoming.WyomingConnection;
import io.harpou.wyoming.WyomingMessage;
import io.harpou.wyoming.info.AsrProgram;
import io.harpou.wyoming.info.Artifact;
import io.harpou.wyoming.info.Attribution;
import io.harpou.wyoming.info.Info;
import io.harpou.wyoming.info.Model;
import io.harpou.wyoming.info.TtsProgram;
import io.harpou.wyoming.info.TtsVoice;
import io.harpou.wyoming.message.Asr;
import io.harpou.wyoming.message.Audio;
import io.harpou.wyoming.message.Control;
import io.harpou.wyoming.message.Tts;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WyomingSpeechServicesTest {

  private static final Attribution ATTRIBUTION = new Attribution("test", "https://example.invalid");

  private Vertx vertx;
  private FakeSpeechServer server;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    vertx.close().await();
  }

  private WyomingSpeechOptions options() {
    return new WyomingSpeechOptions().setPort(server.port()).setTimeoutMillis(5_000);
  }

  /** Plays faster-whisper: collects the audio and answers with how much it heard. */
  private static void fasterWhisper(WyomingConnection connection, WyomingMessage message, Buffer heard) {
    if (message instanceof Control.Describe) {
      connection.write(Info.empty().withAsr(List.of(new AsrProgram(Artifact.installed("faster-whisper", ATTRIBUTION),
          List.of(new Model(Artifact.installed("base-int8", ATTRIBUTION), List.of("en", "fr", "de")))))));
    } else if (message instanceof Audio.AudioChunk chunk) {
      heard.appendBuffer(chunk.audio());
    } else if (message instanceof Audio.AudioStop) {
      connection.write(new Asr.Transcript("turn on the kitchen light", "en", null))
          .onComplete(v -> connection.close());
    }
  }

  private static Buffer speechAt16k() {
    Vertx local = Vertx.vertx();
    try {
      SpeechAudio speech = EspeakTtsService.create(local, new EspeakOptions())
          .synthesize("turn on the kitchen light", "en", null).await();
      return Pcm.convert(speech.pcm(), speech.format(), AudioFormat.MICROPHONE);
    } finally {
      local.close().await();
    }
  }

  @Test
  void should_stream_the_utterance_to_a_remote_whisper_and_return_its_transcript() {
    Buffer heard = Buffer.buffer();
    server = FakeSpeechServer.start(vertx, (c, m) -> fasterWhisper(c, m, heard));
    Buffer utterance = speechAt16k();
    WyomingSttService stt = WyomingSttService.create(vertx, options().setName("base-int8"));

    Transcript transcript = stt.transcribe(utterance, "en").await();

    assertThat(transcript.text()).isEqualTo("turn on the kitchen light");
    assertThat(heard).isEqualTo(utterance);
    assertThat(server.received.get(0)).isEqualTo(new Asr.Transcribe("base-int8", "en", null, null));
    assertThat(server.received.get(1)).isEqualTo(new Audio.AudioStart(16000, 2, 1, 0L));
    assertThat(server.received).last().isInstanceOf(Audio.AudioStop.class);
    stt.close().await();
  }

  @Test
  void should_stream_a_long_utterance_whole_in_small_chunks() {
    Buffer heard = Buffer.buffer();
    server = FakeSpeechServer.start(vertx, (c, m) -> fasterWhisper(c, m, heard));
    short[] samples = new short[16000 * 30];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) (i * 7);
    }
    Buffer utterance = Pcm.toBuffer(samples);
    WyomingSttService stt = WyomingSttService.create(vertx, options().setChunkMillis(20));
    assertThat(stt.transcribe(utterance, "en").await().isEmpty()).isFalse();
    assertThat(heard).isEqualTo(utterance);
    assertThat(server.received).filteredOn(m -> m instanceof Audio.AudioChunk).hasSize(1500);
  }

  @Test
  void should_learn_the_remote_languages_from_describe() {
    server = FakeSpeechServer.start(vertx, (c, m) -> fasterWhisper(c, m, Buffer.buffer()));
    WyomingSttService stt = WyomingSttService.create(vertx, options());
    assertThat(stt.languages()).containsExactly("en");
    stt.describe().await();
    assertThat(stt.languages()).containsExactly("en", "fr", "de");
  }

  /** Plays Piper: answers a synthesis with one 22050 Hz chunk per word. */
  private static void piper(WyomingConnection connection, WyomingMessage message) {
    if (message instanceof Control.Describe) {
      connection.write(Info.empty().withTts(List.of(new TtsProgram(Artifact.installed("piper", ATTRIBUTION),
          List.of(new TtsVoice(new Artifact("fr_FR-siwis-medium", ATTRIBUTION, true, "Siwis", null),
              List.of("fr_FR"), null)), false))));
    } else if (message instanceof Tts.Synthesize synthesize) {
      connection.write(new Audio.AudioStart(22050, 2, 1, null));
      for (String word : synthesize.text().split(" ")) {
        connection.write(new Audio.AudioChunk(22050, 2, 1, null, wordAudio(word)));
      }
      connection.write(new Audio.AudioStop(null));
    }
  }

  private static Buffer wordAudio(String word) {
    short[] samples = new short[2205];
    java.util.Arrays.fill(samples, (short) word.length());
    return Pcm.toBuffer(samples);
  }

  @Test
  void should_collect_the_remote_voice_audio_into_one_speech() {
    server = FakeSpeechServer.start(vertx, WyomingSpeechServicesTest::piper);
    WyomingTtsService tts = WyomingTtsService.create(vertx, options());

    SpeechAudio audio = tts.synthesize("the light is on", "en", "en_US-lessac-medium").await();

    assertThat(audio.format()).isEqualTo(AudioFormat.SPEECH);
    assertThat(audio.durationMillis()).isEqualTo(400);
    assertThat(audio.pcm()).isEqualTo(Buffer.buffer().appendBuffer(wordAudio("the")).appendBuffer(wordAudio("light"))
        .appendBuffer(wordAudio("is")).appendBuffer(wordAudio("on")));
    // A named voice travels without its language, as the reference library writes it.
    assertThat(server.received).containsExactly(new Tts.Synthesize("the light is on",
        new Tts.SynthesizeVoice("en_US-lessac-medium", null, null), null, null));
  }

  @Test
  void should_ask_for_a_voice_by_language_when_none_is_named() {
    server = FakeSpeechServer.start(vertx, WyomingSpeechServicesTest::piper);
    WyomingTtsService tts = WyomingTtsService.create(vertx, options());
    assertThat(tts.synthesize("bonjour", "fr", null).await().durationMillis()).isEqualTo(100);
    assertThat(server.received).containsExactly(new Tts.Synthesize("bonjour",
        new Tts.SynthesizeVoice(null, null, "fr"), null, null));
  }

  @Test
  void should_learn_the_remote_voices_from_describe() {
    server = FakeSpeechServer.start(vertx, WyomingSpeechServicesTest::piper);
    WyomingTtsService tts = WyomingTtsService.create(vertx, options());
    tts.describe().await();
    assertThat(tts.voices()).containsExactly(new Voice("fr_FR-siwis-medium", "Siwis", List.of("fr_FR")));
  }

  @Test
  void should_fail_with_the_remote_error_text() {
    server = FakeSpeechServer.start(vertx, (c, m) -> {
      if (m instanceof Tts.Synthesize) {
        c.write(new Control.ErrorMessage("voice not found", "no-voice"));
      }
    });
    WyomingTtsService tts = WyomingTtsService.create(vertx, options());
    assertThatThrownBy(() -> tts.synthesize("hello", "en", "nobody").await()).isInstanceOf(BridgeException.class)
        .hasMessageContaining("reported an error").hasMessageContaining("voice not found (no-voice)");
  }

  @Test
  void should_fail_when_the_server_hangs_up_without_answering() {
    server = FakeSpeechServer.start(vertx, (c, m) -> {
      if (m instanceof Audio.AudioStop) {
        c.close();
      }
    });
    WyomingSttService stt = WyomingSttService.create(vertx, options());
    assertThatThrownBy(() -> stt.transcribe(Buffer.buffer(new byte[6400]), "en").await())
        .isInstanceOf(BridgeException.class).hasMessageContaining("closed the connection before answering");
  }

  @Test
  void should_time_out_when_the_server_never_answers() {
    server = FakeSpeechServer.start(vertx, (c, m) -> { });
    WyomingSttService stt = WyomingSttService.create(vertx, options().setTimeoutMillis(300));
    assertThatThrownBy(() -> stt.transcribe(Buffer.buffer(new byte[6400]), "en").await())
        .isInstanceOf(BridgeException.class).hasMessageContaining("timed out after 300 ms");
  }

  @Test
  void should_fail_clearly_when_nothing_listens() {
    server = FakeSpeechServer.start(vertx, (c, m) -> { });
    int port = server.port();
    server.close();
    server = null;
    WyomingTtsService tts = WyomingTtsService.create(vertx, new WyomingSpeechOptions().setPort(port));
    assertThatThrownBy(() -> tts.synthesize("hello", "en", null).await()).isInstanceOf(BridgeException.class)
        .hasMessageContaining("cannot reach the Wyoming service at 127.0.0.1:" + port);
  }

  @Test
  void should_refuse_audio_larger_than_allowed() {
    server = FakeSpeechServer.start(vertx, WyomingSpeechServicesTest::piper);
    WyomingTtsService tts = WyomingTtsService.create(vertx, options().setMaxAudioBytes(8000));
    assertThatThrownBy(() -> tts.synthesize("one two three four five", "en", null).await())
        .isInstanceOf(BridgeException.class).hasMessageContaining("larger than the 8000 bytes allowed");
  }

  @Test
  void should_refuse_bad_input_before_connecting() {
    server = FakeSpeechServer.start(vertx, (c, m) -> { });
    WyomingSttService stt = WyomingSttService.create(vertx, options());
    WyomingTtsService tts = WyomingTtsService.create(vertx, options());
    assertThatThrownBy(() -> stt.transcribe(Buffer.buffer(new byte[3]), "en").await())
        .isInstanceOf(BridgeException.class).hasMessageContaining("not a multiple");
    assertThatThrownBy(() -> stt.transcribe(Buffer.buffer(), "en").await())
        .isInstanceOf(BridgeException.class).hasMessageContaining("no audio");
    assertThatThrownBy(() -> tts.synthesize(" ", "en", null).await())
        .isInstanceOf(BridgeException.class).hasMessageContaining("no text");
    assertThat(server.received).isEmpty();
  }
}
