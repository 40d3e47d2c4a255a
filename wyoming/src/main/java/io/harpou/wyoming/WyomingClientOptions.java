package io.harpou.wyoming;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/** Options of a {@link WyomingClient}: connect timeout, size limits and how long a frame may take to arrive. */
public class WyomingClientOptions {

  /** Default connect timeout: 5 seconds. */
  public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 5_000;
  /** Default time a frame may take from its first byte to its last: 10 seconds. */
  public static final long DEFAULT_FRAME_TIMEOUT_MILLIS = 10_000;

  private int connectTimeoutMillis = DEFAULT_CONNECT_TIMEOUT_MILLIS;
  private WyomingLimits limits = WyomingLimits.DEFAULT;
  private long frameTimeoutMillis = DEFAULT_FRAME_TIMEOUT_MILLIS;

  /** Creates options with the defaults. */
  public WyomingClientOptions() {
  }

  /**
   * Reads options from JSON, snake_case like every Harpou configuration: {@code connect_timeout_ms},
   * {@code frame_timeout_ms} and the limits' {@code max_header_bytes}, {@code max_data_bytes},
   * {@code max_payload_bytes}; missing keys keep their defaults, unknown keys are ignored.
   *
   * @param json the JSON form
   * @throws IllegalArgumentException when a value is out of range
   */
  public WyomingClientOptions(JsonObject json) {
    setConnectTimeoutMillis(json.getInteger("connect_timeout_ms", DEFAULT_CONNECT_TIMEOUT_MILLIS));
    setLimits(WyomingLimits.fromJson(json));
    setFrameTimeoutMillis(json.getLong("frame_timeout_ms", DEFAULT_FRAME_TIMEOUT_MILLIS));
  }

  /**
   * Copies {@code other}.
   *
   * @param other the options to copy
   */
  public WyomingClientOptions(WyomingClientOptions other) {
    this.connectTimeoutMillis = other.connectTimeoutMillis;
    this.limits = other.limits;
    this.frameTimeoutMillis = other.frameTimeoutMillis;
  }

  /**
   * Returns the connect timeout.
   *
   * @return the timeout in milliseconds
   */
  public int getConnectTimeoutMillis() {
    return connectTimeoutMillis;
  }

  /**
   * Sets the connect timeout.
   *
   * @param connectTimeoutMillis a positive timeout in milliseconds
   * @return these options
   */
  public WyomingClientOptions setConnectTimeoutMillis(int connectTimeoutMillis) {
    if (connectTimeoutMillis <= 0) {
      throw new IllegalArgumentException("connect_timeout_ms must be positive");
    }
    this.connectTimeoutMillis = connectTimeoutMillis;
    return this;
  }

  /**
   * Returns the frame size limits.
   *
   * @return the limits
   */
  public WyomingLimits getLimits() {
    return limits;
  }

  /**
   * Sets the frame size limits.
   *
   * @param limits the limits
   * @return these options
   */
  public WyomingClientOptions setLimits(WyomingLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    return this;
  }

  /**
   * Returns how long a frame may take from its first byte to its last before the connection is closed.
   *
   * @return the timeout in milliseconds
   */
  public long getFrameTimeoutMillis() {
    return frameTimeoutMillis;
  }

  /**
   * Sets how long a frame may take from its first byte to its last before the connection is closed.
   *
   * @param frameTimeoutMillis a positive timeout in milliseconds
   * @return these options
   */
  public WyomingClientOptions setFrameTimeoutMillis(long frameTimeoutMillis) {
    if (frameTimeoutMillis <= 0) {
      throw new IllegalArgumentException("frame_timeout_ms must be positive");
    }
    this.frameTimeoutMillis = frameTimeoutMillis;
    return this;
  }

  /**
   * Returns the JSON form.
   *
   * @return a new JSON object
   */
  public JsonObject toJson() {
    return new JsonObject().put("connect_timeout_ms", connectTimeoutMillis).put("frame_timeout_ms", frameTimeoutMillis)
        .mergeIn(limits.toJson());
  }
}
