package io.harpou.bridge.vertx.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.voice.AudioFormat;
import io.harpou.bridge.api.voice.SpeechAudio;
import io.harpou.bridge.api.voice.Transcript;
import io.harpou.bridge.api.voice.Wav;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WhisperSttServiceTest {

  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private static Buffer jfk() throws Exception {
    SpeechAudio audio = Wav.read(Buffer.buffer(Files.readAllBytes(SharedData.file("jfk.wav"))));
    assertThat(audio.format()).isEqualTo(AudioFormat.MICROPHONE);
    return audio.pcm();
  }

  private WhisperSttService service(String model) {
    return WhisperSttService.create(vertx, new WhisperOptions().setModel(model).setThreads(2));
  }

  @Test
  void should_run_the_whole_graph_on_jfk_with_the_weightless_model_and_hear_nothing() throws Exception {
    WhisperSttService stt = service(SharedData.file("for-tests-ggml-tiny.en.bin").toString());
    Transcript transcript = stt.transcribe(jfk(), "en").await();
    assertThat(transcript.isEmpty()).isTrue();
    assertThat(transcript.language()).isEqualTo("en");
    assertThat(stt.languages()).containsExactly("en");
    stt.close().await();
  }

  @Test
  void should_answer_in_the_primary_language_of_a_regional_tag_with_a_multilingual_model() throws Exception {
    WhisperSttService stt = service(SharedData.file("for-tests-ggml-tiny.bin").toString());
    Buffer half = jfk().slice(0, 16000 * 2 * 2);
    assertThat(stt.transcribe(half, "fr-FR").await().language()).isEqualTo("fr");
    assertThat(stt.languages()).containsExactly("en", "fr");
    stt.close().await();
  }

  @Test
  void should_run_concurrent_transcriptions_on_one_model_with_a_state_each() throws Exception {
    WhisperSttService stt = WhisperSttService.create(vertx, new WhisperOptions()
        .setModel(SharedData.file("for-tests-ggml-tiny.en.bin").toString()).setThreads(1).setPoolSize(3));
    Buffer utterance = jfk().slice(0, 16000 * 2);
    List<Future<Transcript>> calls = List.of(stt.transcribe(utterance, "en"), stt.transcribe(utterance, "en"),
        stt.transcribe(utterance, "en"), stt.transcribe(utterance, "en"));
    assertThat(Future.all(calls).await().<Transcript>list()).hasSize(4).allMatch(Transcript::isEmpty);
    stt.close().await();
  }

  @Test
  void should_pad_audio_shorter_than_one_second_instead_of_failing() {
    WhisperSttService stt = service(SharedData.file("for-tests-ggml-tiny.en.bin").toString());
    Buffer tenth = Buffer.buffer(new byte[3200]);
    assertThat(stt.transcribe(tenth, null).await().text()).isEmpty();
  }

  @Test
  void should_refuse_an_odd_byte_count() {
    WhisperSttService stt = service(SharedData.file("for-tests-ggml-tiny.en.bin").toString());
    assertThatThrownBy(() -> stt.transcribe(Buffer.buffer(new byte[3201]), "en").await())
        .isInstanceOf(BridgeException.class).hasMessageContaining("not a multiple");
  }

  @Test
  void should_refuse_empty_audio() {
    WhisperSttService stt = service(SharedData.file("for-tests-ggml-tiny.en.bin").toString());
    assertThatThrownBy(() -> stt.transcribe(Buffer.buffer(), "en").await())
        .isInstanceOf(BridgeException.class).hasMessageContaining("no audio");
  }

  @Test
  void should_refuse_an_utterance_longer_than_allowed() {
    WhisperSttService stt = WhisperSttService.create(vertx, new WhisperOptions()
        .setModel(SharedData.file("for-tests-ggml-tiny.en.bin").toString()).setMaxAudioSeconds(2));
    assertThatThrownBy(() -> stt.transcribe(Buffer.buffer(new byte[16000 * 2 * 3]), "en").await())
        .isInstanceOf(BridgeException.class).hasMessageContaining("longer than");
  }

  @Test
  void should_fail_clearly_when_the_model_file_is_missing() {
    WhisperSttService stt = service("/nonexistent/ggml-tiny.bin");
    assertThatThrownBy(() -> stt.load().await()).isInstanceOf(BridgeException.class)
        .hasMessageContaining("model file not found").hasMessageContaining("/nonexistent/ggml-tiny.bin");
  }

  @Test
  void should_fail_clearly_when_no_model_is_configured() {
    WhisperSttService stt = service(null);
    assertThatThrownBy(() -> stt.transcribe(Buffer.buffer(new byte[32000]), "en").await())
        .isInstanceOf(BridgeException.class).hasMessageContaining("no whisper model file is configured");
  }

  @Test
  void should_refuse_french_with_an_english_only_model() throws Exception {
    WhisperSttService stt = service(SharedData.file("for-tests-ggml-tiny.en.bin").toString());
    assertThatThrownBy(() -> stt.transcribe(jfk().slice(0, 64000), "fr").await())
        .isInstanceOf(BridgeException.class).hasMessageContaining("English only");
  }

  @Test
  void should_fail_later_calls_once_closed() throws Exception {
    WhisperSttService stt = service(SharedData.file("for-tests-ggml-tiny.en.bin").toString());
    stt.load().await();
    stt.close().await();
    assertThatThrownBy(() -> stt.transcribe(jfk(), "en").await()).isInstanceOf(BridgeException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void should_transcribe_jfk_with_a_real_model_when_one_is_configured() throws Exception {
    String model = System.getenv("HARPOU_WHISPER_MODEL");
    assumeTrue(model != null && Files.isRegularFile(Path.of(model)),
        "skipped: set HARPOU_WHISPER_MODEL to a real ggml Whisper model file to run a real transcription");
    WhisperSttService stt = service(model);
    String text = stt.transcribe(jfk(), "en").await().text().toLowerCase();
    assertThat(text).contains("ask not what your country can do for you");
  }
}
