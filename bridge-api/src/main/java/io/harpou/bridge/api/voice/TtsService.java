package io.harpou.bridge.api.voice;

import io.vertx.core.Future;
import java.util.List;

/**
 * Text to speech, one sentence at a time so the first words play while the rest is synthesised (see
 * {@link Sentences}). Engines run off the event loop; the Future completes on the caller's context and fails with
 * {@link io.harpou.bridge.api.BridgeException} when the engine fails.
 */
public interface TtsService {

  /** A short, stable identifier, for example {@code espeak}. */
  String id();

  /** The voices it offers. */
  List<Voice> voices();

  /**
   * Synthesises one sentence (or a short text) in a voice; a null voice picks the engine's voice for
   * {@code language}.
   */
  Future<SpeechAudio> synthesize(String text, String language, String voice);

  /** Releases the engine's resources (native models, worker threads); the default has none. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
