package io.harpou.bridge.api.voice;

import io.vertx.core.json.JsonObject;

/**
 * Raw PCM audio: samples per second, bytes per sample, channels. Little-endian signed samples, as Wyoming carries them.
 * Only formats audio devices produce are valid, which also keeps {@link #bytesPerSecond()} far from overflowing.
 *
 * @param rate samples per second, for example 16000
 * @param width bytes per sample, for example 2
 * @param channels interleaved channels, for example 1
 */
public record AudioFormat(int rate, int width, int channels) {

  /** The lowest sample rate: 8 kHz, telephone audio. */
  public static final int MIN_RATE = 8_000;
  /** The highest sample rate: 192 kHz, the highest consumer audio hardware offers. */
  public static final int MAX_RATE = 192_000;
  /** The widest sample: 4 bytes. */
  public static final int MAX_WIDTH = 4;
  /** The most interleaved channels: 8. */
  public static final int MAX_CHANNELS = 8;

  /** What satellites' microphones send: 16 kHz, 16-bit, mono. */
  public static final AudioFormat MICROPHONE = new AudioFormat(16000, 2, 1);

  /** What Harpou speaks by default: 22050 Hz, 16-bit, mono. */
  public static final AudioFormat SPEECH = new AudioFormat(22050, 2, 1);

  /** Validates a rate of 8 to 192 kHz, a width of 1 to 4 bytes and 1 to 8 channels. */
  public AudioFormat {
    if (rate < MIN_RATE || rate > MAX_RATE || width < 1 || width > MAX_WIDTH || channels < 1
        || channels > MAX_CHANNELS) {
      throw new IllegalArgumentException("invalid audio format: rate=" + rate + " width=" + width
          + " channels=" + channels);
    }
  }

  /** Bytes of audio per second, at most 6,144,000. */
  public int bytesPerSecond() {
    return rate * width * channels;
  }

  /** How long {@code bytes} of audio last, in milliseconds. */
  public long millisOf(long bytes) {
    return bytes * 1000 / bytesPerSecond();
  }

  /** The JSON form, with Wyoming's key names. */
  public JsonObject toJson() {
    return new JsonObject().put("rate", rate).put("width", width).put("channels", channels);
  }

  /** Reads the JSON form. */
  public static AudioFormat fromJson(JsonObject json) {
    return new AudioFormat(json.getInteger("rate"), json.getInteger("width"), json.getInteger("channels"));
  }
}
