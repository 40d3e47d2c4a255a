package io.harpou.bridge.vertx.voice.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.voice.AudioFormat;
import io.vertx.core.buffer.Buffer;

/** 16-bit little-endian PCM helpers: channel mixing, linear resampling and loudness. */
final class PcmAudio {

  private PcmAudio() {
  }

  /**
   * Converts 16-bit PCM between rates and channel counts; the same format is returned as is.
   *
   * @throws BridgeException when a width other than 16 bits is involved or the bytes are not whole frames
   */
  static Buffer convert(Buffer pcm, AudioFormat from, AudioFormat to) {
    if (from.equals(to)) {
      return pcm;
    }
    if (from.width() != 2 || to.width() != 2) {
      throw new BridgeException("only 16-bit audio is supported, got " + from.width() * 8 + "-bit to "
          + to.width() * 8 + "-bit");
    }
    int frameBytes = 2 * from.channels();
    if (pcm.length() % frameBytes != 0) {
      throw new BridgeException("audio of " + pcm.length() + " bytes is not whole " + from.channels()
          + "-channel 16-bit frames");
    }
    short[] mono = mono(pcm, from.channels());
    short[] resampled = resample(mono, from.rate(), to.rate());
    return write(resampled, to.channels());
  }

  private static short[] mono(Buffer pcm, int channels) {
    short[] out = new short[pcm.length() / (2 * channels)];
    for (int frame = 0; frame < out.length; frame++) {
      int sum = 0;
      for (int c = 0; c < channels; c++) {
        sum += pcm.getShortLE((frame * channels + c) * 2);
      }
      out[frame] = (short) (sum / channels);
    }
    return out;
  }

  private static short[] resample(short[] in, int fromRate, int toRate) {
    if (fromRate == toRate || in.length == 0) {
      return in;
    }
    int outLength = (int) ((long) in.length * toRate / fromRate);
    short[] out = new short[outLength];
    double step = (double) fromRate / toRate;
    for (int i = 0; i < outLength; i++) {
      double position = i * step;
      int index = (int) position;
      double fraction = position - index;
      int next = Math.min(index + 1, in.length - 1);
      out[i] = (short) Math.round(in[index] + (in[next] - in[index]) * fraction);
    }
    return out;
  }

  private static Buffer write(short[] samples, int channels) {
    byte[] bytes = new byte[samples.length * 2 * channels];
    int at = 0;
    for (short sample : samples) {
      for (int c = 0; c < channels; c++) {
        bytes[at++] = (byte) sample;
        bytes[at++] = (byte) (sample >> 8);
      }
    }
    return Buffer.buffer(bytes);
  }

  /** The mean square of 16-bit samples, scaled to 0..1 (full scale); 0 for no audio. */
  static double meanSquare(Buffer pcm) {
    int samples = pcm.length() / 2;
    if (samples == 0) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < samples; i++) {
      double v = pcm.getShortLE(i * 2) / 32768.0;
      sum += v * v;
    }
    return sum / samples;
  }
}
