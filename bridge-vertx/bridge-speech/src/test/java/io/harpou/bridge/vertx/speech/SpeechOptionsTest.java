package io.harpou.bridge.vertx.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpeechOptionsTest {

  @Test
  void should_read_whisper_options_from_the_hub_section_and_write_them_back() {
    WhisperOptions options = new WhisperOptions(new JsonObject().put("model", "/models/ggml-base.bin")
        .put("language", "fr").put("languages", new JsonArray().add("fr").add("en")).put("threads", 3)
        .put("pool_size", 2).put("trim_audio_context", false).put("max_audio_seconds", 12).put("unknown", true));
    assertThat(options.getModel()).isEqualTo("/models/ggml-base.bin");
    assertThat(options.getLanguages()).containsExactly("fr", "en");
    assertThat(new WhisperOptions(options.toJson()).toJson()).isEqualTo(options.toJson());
    assertThat(options.toJson().getBoolean("trim_audio_context")).isFalse();
  }

  @Test
  void should_default_whisper_to_english_with_no_model_and_a_trimmed_context() {
    WhisperOptions options = new WhisperOptions(new JsonObject());
    assertThat(options.getModel()).isNull();
    assertThat(options.toJson().containsKey("model")).isFalse();
    assertThat(options.getLanguage()).isEqualTo("en");
    assertThat(options.isTrimAudioContext()).isTrue();
    assertThat(options.getThreads()).isPositive();
  }

  @Test
  void should_read_espeak_options_with_a_voice_map() {
    EspeakOptions options = new EspeakOptions(new JsonObject().put("voices", new JsonObject().put("en", "en-gb")
        .put("de", "de")).put("speed", 160).put("timeout_ms", 2000));
    assertThat(options.getVoices()).isEqualTo(Map.of("en", "en-gb", "de", "de"));
    assertThat(new EspeakOptions(options.toJson()).toJson()).isEqualTo(options.toJson());
    assertThat(new EspeakOptions(new JsonObject()).getVoices()).isEqualTo(Map.of("en", "en", "fr", "fr"));
  }

  @Test
  void should_read_remote_wyoming_options() {
    WyomingSpeechOptions options = new WyomingSpeechOptions(new JsonObject().put("host", "gpu-box").put("port", 10300)
        .put("name", "base-int8").put("languages", new JsonArray().add("en").add("fr"))
        .put("client", new JsonObject().put("connect_timeout_ms", 1500)));
    assertThat(options.getHost()).isEqualTo("gpu-box");
    assertThat(options.getLanguages()).isEqualTo(List.of("en", "fr"));
    assertThat(options.getClient().getConnectTimeoutMillis()).isEqualTo(1500);
    assertThat(new WyomingSpeechOptions(options.toJson()).toJson()).isEqualTo(options.toJson());
  }

  @Test
  void should_refuse_nonsensical_values() {
    assertThatThrownBy(() -> new WhisperOptions().setThreads(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EspeakOptions().setSpeed(1000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WyomingSpeechOptions().setPort(70000)).isInstanceOf(IllegalArgumentException.class);
  }
}
