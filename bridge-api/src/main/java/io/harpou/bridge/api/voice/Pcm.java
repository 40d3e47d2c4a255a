package io.harpou.bridge.api.voice;

import io.harpou.bridge.api.BridgeException;
import io.vertx.core.buffer.Buffer;

/**
 * Helpers for raw 16-bit little-endian PCM, the format Wyoming carries: sample conversion, mono downmix, resampling
 * and loudness. Every method is pure and thread-safe; bad input throws {@link BridgeException}.
 */
public final class Pcm {

  // Half the number of input taps the resampling filter looks at on each side of an output sample.
  private static final int HALF_TAPS = 16;
  // The windowed-sinc kernel tabulated at this many points per input sample, read with linear interpolation.
  private static final int TABLE_RESOLUTION = 512;
  private static final double[] KERNEL = kernelTable();

  private Pcm() {
  }

  /** The samples of 16-bit PCM; fails on an odd byte count. */
  public static short[] samples(Buffer pcm) {
    requireWholeSamples(pcm, 2);
    short[] out = new short[pcm.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = pcm.getShortLE(i * 2);
    }
    return out;
  }

  /** Writes samples as 16-bit little-endian PCM. */
  public static Buffer toBuffer(short[] samples) {
    byte[] bytes = new byte[samples.length * 2];
    for (int i = 0; i < samples.length; i++) {
      bytes[2 * i] = (byte) samples[i];
      bytes[2 * i + 1] = (byte) (samples[i] >> 8);
    }
    return Buffer.buffer(bytes);
  }

  /** The samples of 16-bit PCM scaled to [-1, 1), as speech recognisers want them. */
  public static float[] toFloats(Buffer pcm) {
    short[] samples = samples(pcm);
    float[] out = new float[samples.length];
    for (int i = 0; i < samples.length; i++) {
      out[i] = samples[i] / 32768f;
    }
    return out;
  }

  /** Averages interleaved 16-bit channels into one; one channel is returned as is. */
  public static Buffer downmix(Buffer pcm, int channels) {
    if (channels < 1) {
      throw new BridgeException("channels must be positive, got " + channels);
    }
    requireWholeSamples(pcm, 2 * channels);
    if (channels == 1) {
      return pcm;
    }
    short[] all = samples(pcm);
    short[] mono = new short[all.length / channels];
    for (int frame = 0; frame < mono.length; frame++) {
      int sum = 0;
      for (int c = 0; c < channels; c++) {
        sum += all[frame * channels + c];
      }
      mono[frame] = (short) Math.round((double) sum / channels);
    }
    return toBuffer(mono);
  }

  /**
   * Resamples 16-bit mono PCM with a windowed-sinc filter, which also removes frequencies the lower rate cannot
   * carry (plain linear interpolation would fold them back as aliasing). The duration is preserved. Rates must lie
   * within {@link AudioFormat#MIN_RATE} and {@link AudioFormat#MAX_RATE}, so the output is at most 24 times the input.
   */
  public static Buffer resample(Buffer pcm, int fromRate, int toRate) {
    for (int rate : new int[] {fromRate, toRate}) {
      if (rate < AudioFormat.MIN_RATE || rate > AudioFormat.MAX_RATE) {
        throw new BridgeException("sample rate " + rate + " Hz is outside " + AudioFormat.MIN_RATE + " to "
            + AudioFormat.MAX_RATE + " Hz");
      }
    }
    requireWholeSamples(pcm, 2);
    // Sized from the input and the ratio before anything is allocated.
    long outSamples = (long) (pcm.length() / 2) * toRate / fromRate;
    if (outSamples > Integer.MAX_VALUE / 2) {
      throw new BridgeException("audio of " + pcm.length() + " bytes is too long to resample to " + toRate + " Hz");
    }
    if (fromRate == toRate || pcm.length() == 0) {
      return pcm;
    }
    short[] in = samples(pcm);
    int outLength = (int) outSamples;
    short[] out = new short[outLength];
    double step = (double) fromRate / toRate;
    // Below 1 when downsampling: the filter's cut-off moves down to the new Nyquist frequency.
    double cutoff = Math.min(1.0, (double) toRate / fromRate) * 0.95;
    int reach = (int) Math.ceil(HALF_TAPS / cutoff);
    for (int i = 0; i < outLength; i++) {
      double center = i * step;
      int first = Math.max(0, (int) Math.floor(center) - reach + 1);
      int last = Math.min(in.length - 1, (int) Math.floor(center) + reach);
      double sum = 0;
      double weights = 0;
      for (int k = first; k <= last; k++) {
        double x = (k - center) * cutoff;
        double w = kernel(x);
        sum += in[k] * w;
        weights += w;
      }
      double value = weights == 0 ? 0 : sum / weights;
      out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value)));
    }
    return toBuffer(out);
  }

  /** Converts 16-bit PCM between formats: downmix to mono, then resample; other widths are refused. */
  public static Buffer convert(Buffer pcm, AudioFormat from, AudioFormat to) {
    if (from.width() != 2 || to.width() != 2 || to.channels() != 1) {
      throw new BridgeException("only 16-bit PCM converted to mono is supported, got " + from + " to " + to);
    }
    return resample(downmix(pcm, from.channels()), from.rate(), to.rate());
  }

  /** The root-mean-square level of 16-bit PCM, from 0 (silence) to 1 (full scale); 0 for no audio. */
  public static double rms(Buffer pcm) {
    short[] samples = samples(pcm);
    if (samples.length == 0) {
      return 0;
    }
    double sum = 0;
    for (short s : samples) {
      double v = s / 32768.0;
      sum += v * v;
    }
    return Math.sqrt(sum / samples.length);
  }

  /** The level in decibels relative to full scale; negative infinity for silence. */
  public static double dbfs(Buffer pcm) {
    return 20 * Math.log10(rms(pcm));
  }

  /** Fails with a clear message unless the byte count is a multiple of {@code frameBytes}. */
  public static void requireWholeSamples(Buffer pcm, int frameBytes) {
    if (pcm == null) {
      throw new BridgeException("no audio given");
    }
    if (pcm.length() % frameBytes != 0) {
      throw new BridgeException("PCM byte count " + pcm.length() + " is not a multiple of the frame size "
          + frameBytes);
    }
  }

  private static double kernel(double x) {
    double position = Math.abs(x) * TABLE_RESOLUTION;
    int index = (int) position;
    if (index >= KERNEL.length - 1) {
      return 0;
    }
    double fraction = position - index;
    return KERNEL[index] + fraction * (KERNEL[index + 1] - KERNEL[index]);
  }

  private static double[] kernelTable() {
    double[] table = new double[HALF_TAPS * TABLE_RESOLUTION + 1];
    for (int i = 0; i < table.length; i++) {
      double x = (double) i / TABLE_RESOLUTION;
      table[i] = sinc(x) * hann(x / HALF_TAPS);
    }
    return table;
  }

  private static double sinc(double x) {
    if (x == 0) {
      return 1;
    }
    double px = Math.PI * x;
    return Math.sin(px) / px;
  }

  private static double hann(double x) {
    if (x <= -1 || x >= 1) {
      return 0;
    }
    return 0.5 + 0.5 * Math.cos(Math.PI * x);
  }
}
