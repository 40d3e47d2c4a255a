package io.harpou.wyoming;

import io.vertx.core.json.JsonObject;

/**
 * Size limits the decoder enforces before buffering a frame, so one peer cannot make a process hold unbounded
 * memory.
 *
 * @param maxHeaderLineBytes the longest header line accepted, newline excluded (Python peers stop at 64 KiB)
 * @param maxDataBytes the largest data block accepted
 * @param maxPayloadBytes the largest payload accepted
 */
public record WyomingLimits(int maxHeaderLineBytes, int maxDataBytes, int maxPayloadBytes) {

  /** Default header line limit: 64 KiB, as Python's {@code StreamReader.readline()}. */
  public static final int DEFAULT_MAX_HEADER_LINE_BYTES = 64 * 1024;
  /** Default data block limit: 4 MiB, enough for the {@code info} of a server with hundreds of voices. */
  public static final int DEFAULT_MAX_DATA_BYTES = 4 * 1024 * 1024;
  /** Default payload limit: 16 MiB, far above any audio chunk seen in practice. */
  public static final int DEFAULT_MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;

  /**
   * The default limits, generous enough for what a client receives from speech servers; a server defaults to
   * tighter ones ({@link WyomingServerOptions#DEFAULT_LIMITS}).
   */
  public static final WyomingLimits DEFAULT =
      new WyomingLimits(DEFAULT_MAX_HEADER_LINE_BYTES, DEFAULT_MAX_DATA_BYTES, DEFAULT_MAX_PAYLOAD_BYTES);

  /** Checks that every limit is positive. */
  public WyomingLimits {
    if (maxHeaderLineBytes < 16) {
      throw new IllegalArgumentException("max_header_bytes must be at least 16, got " + maxHeaderLineBytes);
    }
    if (maxDataBytes < 0 || maxPayloadBytes < 0) {
      throw new IllegalArgumentException("max_data_bytes and max_payload_bytes must not be negative");
    }
  }

  /**
   * Returns the JSON form: {@code max_header_bytes}, {@code max_data_bytes}, {@code max_payload_bytes}, the keys
   * server and client options take them under.
   *
   * @return a new JSON object
   */
  public JsonObject toJson() {
    return new JsonObject()
        .put("max_header_bytes", maxHeaderLineBytes)
        .put("max_data_bytes", maxDataBytes)
        .put("max_payload_bytes", maxPayloadBytes);
  }

  /**
   * Reads limits from JSON; missing keys keep their defaults and unknown keys are ignored.
   *
   * @param json the JSON form, may be {@code null}
   * @return the limits
   * @throws IllegalArgumentException when a limit is out of range
   */
  public static WyomingLimits fromJson(JsonObject json) {
    return fromJson(json, DEFAULT);
  }

  /**
   * Reads limits from JSON; missing keys keep the given defaults and unknown keys are ignored.
   *
   * @param json the JSON form, may be {@code null}
   * @param defaults the limits missing keys keep
   * @return the limits
   * @throws IllegalArgumentException when a limit is out of range
   */
  public static WyomingLimits fromJson(JsonObject json, WyomingLimits defaults) {
    if (json == null) {
      return defaults;
    }
    return new WyomingLimits(
        json.getInteger("max_header_bytes", defaults.maxHeaderLineBytes()),
        json.getInteger("max_data_bytes", defaults.maxDataBytes()),
        json.getInteger("max_payload_bytes", defaults.maxPayloadBytes()));
  }
}
