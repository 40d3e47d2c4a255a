package io.harpou.bridge.api.voice;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.List;

/**
 * Speech to text. Engines run off the event loop; the Future completes on the caller's context and fails with
 * {@link io.harpou.bridge.api.BridgeException} when the engine fails.
 */
public interface SttService {

  /** A short, stable identifier, for example {@code whisper}. */
  String id();

  /** The languages it understands, as BCP-47 tags. */
  List<String> languages();

  /** The format it wants; callers resample to it. */
  AudioFormat inputFormat();

  /** Transcribes one utterance of PCM audio in {@link #inputFormat()}. */
  Future<Transcript> transcribe(Buffer pcm, String language);

  /** Releases the engine's resources (native models, worker threads); the default has none. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
