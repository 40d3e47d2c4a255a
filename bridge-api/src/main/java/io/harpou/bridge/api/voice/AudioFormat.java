package io.harpou.bridge.api.voice;

import io.vertx.core.json.JsonObject;

/**
 * Raw PCM audio: samples per second, bytes per sample, channels. Little-endian signed samples, as Wyoming carries them.
 *
 * @param rate samples per second, for example 16000
 * @param width bytes per sample, for example 2
 * @param channels interleaved channels, for example 1
 */
public record AudioFormat(int rate, int width, int channels) {

  /** What satellites' microphones send: 16 kHz, 16-bit, mono. */
  public static final AudioFormat MICROPHONE = new AudioFormat(16000, 2, 1);

  /** What Harpou speaks by default: 22050 Hz, 16-bit, mono. */
  public static final AudioFormat SPEECH = new AudioFormat(22050, 2, 1);

  /** Validates positive values and a width of 1 to 4 bytes. */
  public AudioFormat {
    if (rate <= 0 || channels <= 0 || width < 1 || width > 4) {
      throw new IllegalArgumentException("invalid audio format: rate=" + rate + " width=" + width
          + " channels=" + channels);
    }
  }

  /** Bytes of audio per second. */
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
