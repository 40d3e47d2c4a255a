package io.harpou.bridge.api.voice;

import io.vertx.core.buffer.Buffer;

/**
 * Synthesised speech: raw PCM in a format.
 *
 * @param format the PCM format
 * @param pcm the samples
 */
public record SpeechAudio(AudioFormat format, Buffer pcm) {

  /** Requires both parts. */
  public SpeechAudio {
    if (format == null || pcm == null) {
      throw new IllegalArgumentException("speech audio needs a format and samples");
    }
  }

  /** How long it lasts, in milliseconds. */
  public long durationMillis() {
    return format.millisOf(pcm.length());
  }
}
