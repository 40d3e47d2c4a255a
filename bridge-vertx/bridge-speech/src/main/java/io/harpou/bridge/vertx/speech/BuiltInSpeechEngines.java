package io.harpou.bridge.vertx.speech;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.voice.SpeechEngineProvider;
import io.harpou.bridge.api.voice.SttService;
import io.harpou.bridge.api.voice.TtsService;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Chooses this module's speech engines from the {@code voice} section:
 * <ul>
 *   <li>speech to text: a remote Wyoming server when {@code remote_stt} is set, else Whisper in process when
 *       {@code whisper.model} names a model file, else none;</li>
 *   <li>text to speech: a remote Wyoming server when {@code remote_tts} is set, else espeak-ng when it is installed
 *       (unless {@code espeak.enabled} is false), else none.</li>
 * </ul>
 */
public final class BuiltInSpeechEngines implements SpeechEngineProvider {

  @Override
  public String id() {
    return "speech";
  }

  @Override
  public Optional<SttService> stt(Vertx vertx, JsonObject voice) {
    JsonObject remote = voice.getJsonObject("remote_stt");
    if (remote != null) {
      return Optional.of(WyomingSttService.create(vertx, new WyomingSpeechOptions(remote)));
    }
    JsonObject whisper = voice.getJsonObject("whisper", new JsonObject());
    String model = whisper.getString("model");
    if (model == null || model.isBlank()) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(Path.of(model))) {
      throw new BridgeException("the Whisper model file " + model + " does not exist (voice.whisper.model, "
          + "HARPOU_WHISPER_MODEL)");
    }
    return Optional.of(WhisperSttService.create(vertx, new WhisperOptions(whisper)));
  }

  @Override
  public Optional<TtsService> tts(Vertx vertx, JsonObject voice) {
    JsonObject remote = voice.getJsonObject("remote_tts");
    if (remote != null) {
      return Optional.of(WyomingTtsService.create(vertx, new WyomingSpeechOptions(remote)));
    }
    JsonObject espeak = voice.getJsonObject("espeak", new JsonObject());
    EspeakOptions options = new EspeakOptions(espeak);
    if (!espeak.getBoolean("enabled", true) || !onPath(options.getCommand())) {
      return Optional.empty();
    }
    return Optional.of(EspeakTtsService.create(vertx, options));
  }

  private static boolean onPath(String command) {
    if (command.contains(File.separator)) {
      return Files.isExecutable(Path.of(command));
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
