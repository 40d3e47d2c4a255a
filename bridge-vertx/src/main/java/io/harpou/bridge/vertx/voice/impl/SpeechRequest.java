package io.harpou.bridge.vertx.voice.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.voice.AudioFormat;
import io.harpou.bridge.api.voice.SttService;
import io.harpou.bridge.api.voice.Transcript;
import io.harpou.wyoming.message.Audio;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * One speech-to-text request on a service connection: the audio after {@code transcribe} (with or without
 * {@code audio-start}), kept in the format of its first chunk, and converted to the engine's format at the end.
 */
final class SpeechRequest {

  // Longer audio than this is refused rather than buffered without bound.
  static final int MAX_SECONDS = 60;

  private final String language;
  private final Buffer audio = Buffer.buffer(64 * 1024);
  private AudioFormat format;

  SpeechRequest(String language) {
    this.language = language;
  }

  /** Fixes the format from {@code audio-start}. */
  void start(Audio.AudioStart start) {
    if (format == null) {
      format = new AudioFormat(start.rate(), start.width(), start.channels());
    }
  }

  /**
   * Adds a chunk, converting it when its format differs from the stream's.
   *
   * @throws BridgeException when the audio gets longer than {@link #MAX_SECONDS}
   */
  void add(Audio.AudioChunk chunk) {
    AudioFormat chunkFormat = new AudioFormat(chunk.rate(), chunk.width(), chunk.channels());
    if (format == null) {
      format = chunkFormat;
    }
    Buffer pcm = PcmAudio.convert(chunk.audio(), chunkFormat, format);
    if ((long) audio.length() + pcm.length() > (long) format.bytesPerSecond() * MAX_SECONDS) {
      throw new BridgeException("audio longer than " + MAX_SECONDS + " s");
    }
    audio.appendBuffer(pcm);
  }

  /** Transcribes the audio with {@code stt}; fails with the engine's failure or a conversion error. */
  Future<Transcript> finish(SttService stt) {
    if (format == null || audio.length() == 0) {
      return Future.succeededFuture(new Transcript("", language));
    }
    try {
      return stt.transcribe(PcmAudio.convert(audio, format, stt.inputFormat()), language);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
