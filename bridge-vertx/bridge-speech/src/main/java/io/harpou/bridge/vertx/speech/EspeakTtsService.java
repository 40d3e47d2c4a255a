package io.harpou.bridge.vertx.speech;

import io.harpou.bridge.api.voice.TtsService;
import io.harpou.bridge.api.voice.Voice;
import io.harpou.bridge.vertx.speech.impl.EspeakTtsServiceImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * Text to speech with espeak-ng run as a process (no shell; the text goes through standard input so it can never be
 * read as an option). Runs on a bounded worker pool with a timeout and an output cap, and returns 22050 Hz mono
 * 16-bit PCM.
 */
public interface EspeakTtsService extends TtsService {

  /** Creates the service; espeak-ng is first run by the first synthesis or {@link #loadVoices()}. */
  static EspeakTtsService create(Vertx vertx, EspeakOptions options) {
    return new EspeakTtsServiceImpl(vertx, options);
  }

  /**
   * Reads the voices espeak-ng has installed ({@code espeak-ng --voices}); {@link #voices()} returns them from then
   * on, and the configured language map before.
   *
   * @return the voices; fails with {@link io.harpou.bridge.api.BridgeException} when espeak-ng cannot run
   */
  Future<List<Voice>> loadVoices();

  /** Stops the worker pool; later calls fail. */
  Future<Void> close();
}
