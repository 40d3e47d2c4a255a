package io.harpou.bridge.vertx.voice.impl;

import io.harpou.bridge.api.voice.SpeechAudio;
import io.harpou.bridge.api.voice.TtsService;
import io.vertx.core.Future;
import java.util.List;

/**
 * Speaks sentences into an {@link AudioOut}: the first sentence is sent as soon as it is synthesised, and the next
 * one is synthesised while the previous one is being sent.
 */
final class Speaker {

  private Speaker() {
  }

  /** Synthesises and sends every sentence in order; fails with the engine's or the socket's failure. */
  static Future<Void> speak(TtsService tts, List<String> sentences, String language, String voice, AudioOut out) {
    if (sentences.isEmpty()) {
      return Future.succeededFuture();
    }
    return speakFrom(tts, sentences, 0, tts.synthesize(sentences.get(0), language, voice), language, voice, out);
  }

  private static Future<Void> speakFrom(TtsService tts, List<String> sentences, int index,
      Future<SpeechAudio> current, String language, String voice, AudioOut out) {
    return current.compose(audio -> {
      boolean more = index + 1 < sentences.size();
      Future<SpeechAudio> following = more ? tts.synthesize(sentences.get(index + 1), language, voice) : null;
      return out.write(audio).compose(v -> following == null ? Future.succeededFuture()
          : speakFrom(tts, sentences, index + 1, following, language, voice, out));
    });
  }
}
