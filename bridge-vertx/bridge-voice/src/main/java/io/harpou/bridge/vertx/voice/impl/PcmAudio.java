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
    requireSixteenBit(from);
    requireSixteenBit(to);
    requireWholeFrames(pcm, from);
    if (convertedBytes(pcm.length(), from, to) > Integer.MAX_VALUE - 8) {
      throw new BridgeException("audio of " + pcm.length() + " bytes is too long to convert from " + from + " to "
          + to);
    }
    short[] mono = mono(pcm, from.channels());
    short[] resampled = resample(mono, from.rate(), to.rate());
    return write(resampled, to.channels());
  }

  /**
   * How many bytes {@link #convert} makes of {@code bytes} of audio, computed without converting or allocating, so a
   * caller can refuse audio that would not fit before it is resampled. Formats are bounded, so this cannot overflow.
   */
  static long convertedBytes(long bytes, AudioFormat from, AudioFormat to) {
    if (from.equals(to)) {
      return bytes;
    }
    long frames = bytes / ((long) from.width() * from.channels());
    return frames * to.rate() / from.rate() * to.width() * to.channels();
  }

  /**
   * Fails unless {@code pcm} holds whole frames of {@code format}, so samples stay aligned.
   *
   * @throws BridgeException when a frame is cut
   */
  static void requireWholeFrames(Buffer pcm, AudioFormat format) {
    int frameBytes = format.width() * format.channels();
    if (pcm.length() % frameBytes != 0) {
      throw new BridgeException("audio of " + pcm.length() + " bytes is not whole " + format.channels()
          + "-channel " + format.width() * 8 + "-bit frames");
    }
  }

  /**
   * Fails unless {@code format} is 16-bit, the only width converted.
   *
   * @throws BridgeException for any other width
   */
  static void requireSixteenBit(AudioFormat format) {
    if (format.width() != 2) {
      throw new BridgeException("only 16-bit audio is supported, got " + format.width() * 8 + "-bit");
    }
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
