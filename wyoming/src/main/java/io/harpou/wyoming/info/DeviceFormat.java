package io.harpou.wyoming.info;

import static io.harpou.wyoming.impl.Fields.requireInt;

import io.vertx.core.json.JsonObject;

/**
 * The PCM format a device program declares in {@code info}: what a microphone ({@code mic_format}) produces or a sound
 * output ({@code snd_format}) plays, as rate in Hz, bytes per sample and channels. Only positive values are checked;
 * the program's peer decides what it accepts.
 *
 * @param rate sample rate in Hz
 * @param width bytes per sample
 * @param channels interleaved channels
 */
public record DeviceFormat(int rate, int width, int channels) {

  /** Checks every value is positive. */
  public DeviceFormat {
    if (rate <= 0 || width <= 0 || channels <= 0) {
      throw new IllegalArgumentException("rate, width and channels must be positive");
    }
  }

  /**
   * Returns the JSON form {@code {rate, width, channels}}.
   *
   * @return a new JSON object
   */
  public JsonObject toJson() {
    return new JsonObject().put("rate", rate).put("width", width).put("channels", channels);
  }

  /**
   * Reads a format.
   *
   * @param json the JSON form
   * @return the format
   * @throws io.harpou.wyoming.WyomingException when a key is missing
   */
  public static DeviceFormat fromJson(JsonObject json) {
    return new DeviceFormat(requireInt(json, "rate"), requireInt(json, "width"), requireInt(json, "channels"));
  }
}
