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
 * {@code audio-start}), converted chunk by chunk, each from its own declared format, to 16 kHz mono as it arrives,
 * so what a request holds is bounded by {@link #MAX_BYTES} whatever format the peer declares; it is converted to
 * the engine's format at the end.
 */
final class SpeechRequest {

  // Longer audio than this is refused rather than buffered without bound.
  static final int MAX_SECONDS = 60;
  /** The most audio a request holds: a minute of 16 kHz mono 16-bit, 1,920,000 bytes. */
  static final long MAX_BYTES = (long) AudioFormat.MICROPHONE.bytesPerSecond() * MAX_SECONDS;

  private final String language;
  private final Buffer audio = Buffer.buffer(64 * 1024);
  private boolean refused;

  SpeechRequest(String language) {
    this.language = language;
  }

  /**
   * Checks the stream's format from {@code audio-start}, so one that cannot be converted is refused at once.
   *
   * @throws BridgeException when the format is not 16-bit
   */
  void start(Audio.AudioStart start) {
    PcmAudio.requireSixteenBit(new AudioFormat(start.rate(), start.width(), start.channels()));
  }

  /**
   * Adds a chunk, converting it from its format. The first chunk that would take the audio past
   * {@link #MAX_SECONDS} is refused before it is converted, and the rest of the stream is then ignored.
   *
   * @throws BridgeException when the chunk cannot be converted or is the one that makes the audio too long
   */
  void add(Audio.AudioChunk chunk) {
    if (refused) {
      return;
    }
    AudioFormat from = new AudioFormat(chunk.rate(), chunk.width(), chunk.channels());
    PcmAudio.requireSixteenBit(from);
    PcmAudio.requireWholeFrames(chunk.audio(), from);
    long converted = PcmAudio.convertedBytes(chunk.audio().length(), from, AudioFormat.MICROPHONE);
    if (audio.length() + converted > MAX_BYTES) {
      refused = true;
      throw new BridgeException("audio longer than " + MAX_SECONDS + " s; the rest of this stream is ignored");
    }
    audio.appendBuffer(PcmAudio.convert(chunk.audio(), from, AudioFormat.MICROPHONE));
  }

  /** True once audio was refused as too long; the request then has nothing more to answer. */
  boolean refused() {
    return refused;
  }

  /** Bytes of audio held. */
  int bufferedBytes() {
    return audio.length();
  }

  /** Transcribes the audio with {@code stt}; fails with the engine's failure or a conversion error. */
  Future<Transcript> finish(SttService stt) {
    if (audio.length() == 0) {
      return Future.succeededFuture(new Transcript("", language));
    }
    try {
      return stt.transcribe(PcmAudio.convert(audio, AudioFormat.MICROPHONE, stt.inputFormat()), language);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
