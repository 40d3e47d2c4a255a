package io.harpou.bridge.vertx.speech;

import io.harpou.bridge.api.voice.SttService;
import io.harpou.bridge.vertx.speech.impl.WhisperSttServiceImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Speech to text in process with whisper.cpp through whisper-jni. The model is loaded once and shared; each
 * concurrent transcription uses its own native state on a bounded worker pool, never the event loop. Input is 16 kHz
 * mono 16-bit PCM.
 */
public interface WhisperSttService extends SttService {

  /** Creates the service; nothing native is loaded until {@link #load()} or the first transcription. */
  static WhisperSttService create(Vertx vertx, WhisperOptions options) {
    return new WhisperSttServiceImpl(vertx, options);
  }

  /**
   * Loads the native library and the model.
   *
   * @return a Future that fails with {@link io.harpou.bridge.api.BridgeException} when no model is configured, the
   *     file is missing, or the model or library cannot be loaded
   */
  Future<Void> load();

  /** Frees the model and the worker pool once running transcriptions finish; later calls fail. */
  Future<Void> close();
}
