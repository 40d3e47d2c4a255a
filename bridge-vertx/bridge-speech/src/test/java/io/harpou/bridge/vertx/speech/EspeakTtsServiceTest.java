package io.harpou.bridge.vertx.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.voice.AudioFormat;
import io.harpou.bridge.api.voice.Pcm;
import io.harpou.bridge.api.voice.SpeechAudio;
import io.harpou.bridge.api.voice.Voice;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EspeakTtsServiceTest {

  private Vertx vertx;
  private EspeakTtsService tts;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    tts = EspeakTtsService.create(vertx, new EspeakOptions());
  }

  @AfterEach
  void stop() {
    tts.close().await();
    vertx.close().await();
  }

  @Test
  void should_speak_english_as_22050_hz_pcm_of_plausible_length() {
    SpeechAudio audio = tts.synthesize("turn on the kitchen light", "en", null).await();
    assertThat(audio.format()).isEqualTo(AudioFormat.SPEECH);
    assertThat(audio.durationMillis()).isBetween(800L, 4000L);
    assertThat(Pcm.rms(audio.pcm())).isGreaterThan(0.01);
  }

  @Test
  void should_speak_french_with_the_french_voice() {
    SpeechAudio audio = tts.synthesize("allume la lumière de la cuisine", "fr-FR", null).await();
    assertThat(audio.format()).isEqualTo(AudioFormat.SPEECH);
    assertThat(audio.durationMillis()).isBetween(800L, 4000L);
  }

  @Test
  void should_take_longer_to_say_more() {
    long shortOne = tts.synthesize("yes", "en", null).await().durationMillis();
    long longOne = tts.synthesize("the kitchen light is on and the heating is set to twenty degrees", "en", null)
        .await().durationMillis();
    assertThat(longOne).isGreaterThan(shortOne * 3);
  }

  @Test
  void should_speak_text_that_looks_like_an_option_instead_of_obeying_it() {
    SpeechAudio audio = tts.synthesize("--version", "en", null).await();
    assertThat(audio.format()).isEqualTo(AudioFormat.SPEECH);
    assertThat(audio.durationMillis()).isGreaterThan(300L);
  }

  @Test
  void should_list_installed_voices_with_english_and_french() {
    List<Voice> voices = tts.loadVoices().await();
    assertThat(voices).extracting(Voice::name).contains("en-us", "fr-fr");
    assertThat(voices).filteredOn(v -> v.name().equals("fr-fr")).first()
        .satisfies(v -> assertThat(v.languages()).contains("fr"));
    assertThat(tts.voices()).isEqualTo(voices);
  }

  @Test
  void should_speak_with_a_voice_chosen_by_name() {
    SpeechAudio audio = tts.synthesize("hello there", null, "en-gb-scotland").await();
    assertThat(audio.durationMillis()).isGreaterThan(300L);
  }

  @Test
  void should_fail_clearly_on_an_unknown_voice() {
    assertThatThrownBy(() -> tts.synthesize("hello", "xx", null).await()).isInstanceOf(BridgeException.class)
        .hasMessageContaining("voice 'xx'");
  }

  @Test
  void should_refuse_a_voice_name_that_could_be_an_option() {
    assertThatThrownBy(() -> tts.synthesize("hello", null, "--help").await()).isInstanceOf(BridgeException.class)
        .hasMessageContaining("not a valid espeak-ng voice name");
  }

  @Test
  void should_refuse_blank_and_overlong_text() {
    assertThatThrownBy(() -> tts.synthesize("  ", "en", null).await()).isInstanceOf(BridgeException.class)
        .hasMessageContaining("no text");
    EspeakTtsService small = EspeakTtsService.create(vertx, new EspeakOptions().setMaxTextLength(10));
    assertThatThrownBy(() -> small.synthesize("this is far too long", "en", null).await())
        .isInstanceOf(BridgeException.class).hasMessageContaining("longer than the 10 allowed");
  }

  @Test
  void should_kill_a_run_that_writes_more_than_the_cap() {
    EspeakTtsService capped = EspeakTtsService.create(vertx, new EspeakOptions().setMaxOutputBytes(4096));
    assertThatThrownBy(() -> capped.synthesize("a sentence long enough to pass four kilobytes", "en", null)
        .await()).isInstanceOf(BridgeException.class).hasMessageContaining("more than 4096 bytes");
  }

  @Test
  void should_kill_a_run_that_outlives_the_timeout(@TempDir Path dir) throws Exception {
    Path slow = dir.resolve("slow-espeak");
    Files.writeString(slow, "#!/bin/sh\nexec sleep 30\n");
    Files.setPosixFilePermissions(slow, PosixFilePermissions.fromString("rwx------"));
    EspeakTtsService hung = EspeakTtsService.create(vertx,
        new EspeakOptions().setCommand(slow.toString()).setTimeoutMillis(300));
    assertThatThrownBy(() -> hung.synthesize("hello", "en", null).await()).isInstanceOf(BridgeException.class)
        .hasMessageContaining("did not finish within 300 ms");
  }

  @Test
  void should_fail_clearly_when_espeak_is_not_installed() {
    EspeakTtsService missing = EspeakTtsService.create(vertx,
        new EspeakOptions().setCommand("/nonexistent/espeak-ng"));
    assertThatThrownBy(() -> missing.synthesize("hello", "en", null).await()).isInstanceOf(BridgeException.class)
        .hasMessageContaining("cannot run /nonexistent/espeak-ng");
  }

  @Test
  void should_fail_clearly_once_closed() {
    EspeakTtsService closing = EspeakTtsService.create(vertx, new EspeakOptions());
    closing.close().await();
    assertThatThrownBy(() -> closing.synthesize("hello", "en", null).await()).isInstanceOf(BridgeException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void should_offer_the_configured_voices_before_the_list_is_read() {
    EspeakTtsService configured = EspeakTtsService.create(vertx, new EspeakOptions(
        new JsonObject().put("command", "/nonexistent/espeak-ng").put("voices", new JsonObject().put("de", "de"))));
    assertThat(configured.voices()).extracting(Voice::name).containsExactly("de");
  }

  @Test
  void should_keep_the_duration_of_espeak_speech_when_resampling_to_the_microphone_rate() {
    Vertx vertx = Vertx.vertx();
    EspeakTtsService tts = EspeakTtsService.create(vertx, new EspeakOptions());
    try {
      SpeechAudio speech = tts.synthesize("turn on the kitchen light", "en", null).await();
      Buffer converted = Pcm.convert(speech.pcm(), speech.format(), AudioFormat.MICROPHONE);
      long millis = AudioFormat.MICROPHONE.millisOf(converted.length());
      assertThat(millis).isCloseTo(speech.durationMillis(), within(2L));
      assertThat(Pcm.rms(converted)).isCloseTo(Pcm.rms(speech.pcm()), within(0.2 * Pcm.rms(speech.pcm())));
    } finally {
      vertx.close().await();
    }
  }
}
