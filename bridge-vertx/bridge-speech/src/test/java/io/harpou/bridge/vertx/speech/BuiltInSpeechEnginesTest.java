package io.harpou.bridge.vertx.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.voice.SpeechEngineProvider;
import io.harpou.bridge.api.voice.SttService;
import io.harpou.bridge.api.voice.TtsService;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BuiltInSpeechEnginesTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private static SpeechEngineProvider provider() {
    return ServiceLoader.load(SpeechEngineProvider.class).stream().map(ServiceLoader.Provider::get)
        .filter(p -> p.id().equals("speech")).findFirst().orElseThrow();
  }

  @Test
  void should_offer_whisper_when_a_model_file_is_configured_and_espeak_when_installed() {
    String model = SharedData.file("for-tests-ggml-tiny.en.bin").toString();
    JsonObject voice = new JsonObject().put("whisper", new JsonObject().put("model", model));

    SttService stt = provider().stt(vertx, voice).orElseThrow();
    TtsService tts = provider().tts(vertx, voice).orElseThrow();

    assertThat(stt).isInstanceOf(WhisperSttService.class);
    assertThat(tts).isInstanceOf(EspeakTtsService.class);
    stt.close().await();
    tts.close().await();
  }

  @Test
  void should_offer_no_speech_to_text_without_a_model_and_no_espeak_when_disabled() {
    JsonObject voice = new JsonObject().put("espeak", new JsonObject().put("enabled", false));

    assertThat(provider().stt(vertx, voice)).isEmpty();
    assertThat(provider().tts(vertx, voice)).isEmpty();
  }

  @Test
  void should_say_which_setting_names_a_missing_model_file() {
    JsonObject voice = new JsonObject().put("whisper", new JsonObject().put("model", "/nowhere/ggml-base.bin"));

    assertThatThrownBy(() -> provider().stt(vertx, voice)).isInstanceOf(BridgeException.class)
        .hasMessageContaining("/nowhere/ggml-base.bin").hasMessageContaining("HARPOU_WHISPER_MODEL");
  }

  @Test
  void should_prefer_remote_wyoming_engines_when_configured() {
    JsonObject remote = new JsonObject().put("host", "127.0.0.1").put("port", 10300);
    JsonObject voice = new JsonObject().put("remote_stt", remote).put("remote_tts", remote.copy().put("port", 10200));

    assertThat(provider().stt(vertx, voice).orElseThrow()).isInstanceOf(WyomingSttService.class);
    assertThat(provider().tts(vertx, voice).orElseThrow()).isInstanceOf(WyomingTtsService.class);
  }
}
