package io.harpou.bridge.vertx.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.Providers;
import io.harpou.bridge.api.voice.SpeechEngineProvider;
import io.harpou.bridge.api.voice.SttService;
import io.harpou.bridge.api.voice.TtsService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * The speech engines the {@code voice} section asks for: each {@link SpeechEngineProvider} on the class path (found
 * by {@link Providers}) is asked in turn, and the first speech-to-text and text-to-speech engines offered are used.
 *
 * @param stt speech to text, or null
 * @param tts text to speech, or null
 */
record SpeechEngines(SttService stt, TtsService tts) {

  /** Finds the engines off the event loop: providers may load native libraries or probe the PATH. */
  static Future<SpeechEngines> load(Vertx vertx, JsonObject voice) {
    return vertx.executeBlocking(() -> {
      SttService stt = null;
      TtsService tts = null;
      for (SpeechEngineProvider provider : Providers.load(SpeechEngineProvider.class, SpeechEngineProvider::id)
          .values()) {
        if (stt == null) {
          stt = provider.stt(vertx, voice).orElse(null);
        }
        if (tts == null) {
          tts = provider.tts(vertx, voice).orElse(null);
        }
      }
      return new SpeechEngines(stt, tts);
    }, false).recover(e -> Future.failedFuture(e instanceof BridgeException ? e
        : new BridgeException("speech engines could not start: " + e.getMessage(), e)));
  }

  /** What runs, for {@code /health}. */
  String describe() {
    return "speech to text: " + (stt == null ? "none (set HARPOU_WHISPER_MODEL)" : stt.id())
        + ", text to speech: " + (tts == null ? "none (install espeak-ng)" : tts.id());
  }

  /** Releases both engines. */
  Future<Void> close() {
    Future<Void> closed = stt == null ? Future.succeededFuture() : stt.close();
    return closed.eventually(() -> tts == null ? Future.succeededFuture() : tts.close());
  }
}
