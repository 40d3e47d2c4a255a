package io.harpou.bridge.vertx.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.voice.SpeechAudio;
import io.harpou.bridge.api.voice.AudioFormat;
import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.bridge.vertx.memory.MemoryOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeechComponentTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dataDir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private BridgeOptions options(JsonObject voice) {
    return new BridgeOptions().setDataDir(dataDir).setHttpEnabled(false).setMonitorsEnabled(false)
        .setSection("voice", voice)
        .setSection("wyoming", new JsonObject().put("port", 0))
        .setMemory(new MemoryOptions().setEnabled(false));
  }

  @Test
  void should_find_the_engines_on_the_class_path_and_speak_with_them() {
    String model = Path.of(System.getProperty("harpou.shared.dir"), "data", "for-tests-ggml-tiny.en.bin").toString();
    Bridge bridge = Bridge.create(vertx, options(new JsonObject()
        .put("whisper", new JsonObject().put("model", model)))).start().await();

    assertThat(bridge.stt()).hasValueSatisfying(stt -> assertThat(stt.id()).contains("whisper"));
    SpeechAudio audio = bridge.tts().orElseThrow().synthesize("The kitchen light is on.", "en", null)
        .await();
    assertThat(audio.format()).isEqualTo(AudioFormat.SPEECH);
    assertThat(audio.durationMillis()).isBetween(800L, 4000L);
    assertThat(bridge.health().toJson().getJsonObject("components").getJsonObject("speech").getString("detail"))
        .contains("whisper").contains("espeak");
    bridge.close().await();
  }

  @Test
  void should_refuse_to_start_when_the_configured_model_file_is_missing() {
    BridgeOptions missing = options(new JsonObject().put("whisper", new JsonObject().put("model", "/no/model.bin")));

    assertThatThrownBy(() -> Bridge.create(vertx, missing).start().await()).isInstanceOf(BridgeException.class)
        .hasMessageContaining("/no/model.bin");
    assertThat(vertx.deploymentIDs()).isEmpty();
  }
}
