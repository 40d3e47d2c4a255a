package io.harpou.bridge.vertx.voice.impl;

import io.harpou.bridge.api.voice.AudioFormat;
import io.harpou.bridge.vertx.voice.VoiceOptions;
import io.harpou.wyoming.message.Audio.AudioChunk;
import io.vertx.core.buffer.Buffer;

/**
 * One utterance being heard: microphone audio collected at 16 kHz mono, its loudness for arbitration, and the
 * endpointer's view of where speech starts and ends. It holds at most the longest utterance and a second; a chunk
 * that would not fit is not even converted.
 */
final class Capture {

  private final Buffer audio = Buffer.buffer(64 * 1024);
  private final Endpointer endpointer;
  private final long maxBytes;
  private double energySum;
  private long energyChunks;
  private long audioMs;
  boolean ended;
  boolean arbitrated;
  boolean noSpeech;

  Capture(VoiceOptions options) {
    this.endpointer = new Endpointer(options.getVadThreshold(), options.getSilenceMs(), options.getNoSpeechMs(),
        options.getMaxUtteranceMs());
    this.maxBytes = (long) AudioFormat.MICROPHONE.bytesPerSecond() * (options.getMaxUtteranceMs() / 1000 + 1);
  }

  /**
   * Adds a chunk (converted to 16 kHz mono) and returns the endpointer's verdict; a chunk the utterance cannot hold
   * ends it as too long.
   *
   * @throws io.harpou.bridge.api.BridgeException when the chunk is not whole 16-bit frames
   */
  Endpointer.Verdict add(AudioChunk chunk) {
    AudioFormat from = new AudioFormat(chunk.rate(), chunk.width(), chunk.channels());
    PcmAudio.requireSixteenBit(from);
    PcmAudio.requireWholeFrames(chunk.audio(), from);
    if (audio.length() + PcmAudio.convertedBytes(chunk.audio().length(), from, AudioFormat.MICROPHONE) > maxBytes) {
      return Endpointer.Verdict.TOO_LONG;
    }
    Buffer pcm = PcmAudio.convert(chunk.audio(), from, AudioFormat.MICROPHONE);
    audio.appendBuffer(pcm);
    double level = PcmAudio.meanSquare(pcm);
    energySum += level;
    energyChunks++;
    long ms = AudioFormat.MICROPHONE.millisOf(pcm.length());
    audioMs += ms;
    return endpointer.feed(ms, level);
  }

  /** The mean loudness heard so far, used to pick the satellite nearest the speaker. */
  double energy() {
    return energyChunks == 0 ? 0 : energySum / energyChunks;
  }

  /** Audio time heard so far, in milliseconds. */
  long audioMs() {
    return audioMs;
  }

  /** True once the endpointer heard speech. */
  boolean heardSpeech() {
    return endpointer.speechStarted();
  }

  /** The collected audio, 16 kHz mono 16-bit. */
  Buffer audio() {
    return audio;
  }
}
