package io.harpou.bridge.api.voice;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Makes speech engines from the {@code voice} configuration. Found with {@link java.util.ServiceLoader}, so putting an
 * engine module on the class path is all it takes for the hub or an embedding application to speak and listen.
 */
public interface SpeechEngineProvider {

  /** A short, stable identifier, for example {@code media}. */
  String id();

  /**
   * The speech-to-text engine this provider makes for {@code voiceConfig}, or empty when the configuration does not
   * ask for one it can make.
   *
   * @throws io.harpou.bridge.api.BridgeException when the configuration asks for an engine that cannot start (a
   *     missing model file), with a message saying what to fix
   */
  Optional<SttService> stt(Vertx vertx, JsonObject voiceConfig);

  /** The text-to-speech engine this provider makes for {@code voiceConfig}, or empty; fails like {@link #stt}. */
  Optional<TtsService> tts(Vertx vertx, JsonObject voiceConfig);
}
