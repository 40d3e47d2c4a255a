package io.harpou.wyoming;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * Options of a {@link WyomingServer}: where to listen, size limits, how long a frame may stall, and an optional
 * zeroconf announcement.
 */
public class WyomingServerOptions {

  /** Default host: every interface, since Home Assistant and satellites connect from other machines. */
  public static final String DEFAULT_HOST = "0.0.0.0";
  /** Default port: 10700, the conventional satellite port. */
  public static final int DEFAULT_PORT = 10700;
  /** Default time a half-received frame may wait for its next bytes: 10 seconds. */
  public static final long DEFAULT_FRAME_TIMEOUT_MILLIS = 10_000;

  private String host = DEFAULT_HOST;
  private int port = DEFAULT_PORT;
  private WyomingLimits limits = WyomingLimits.DEFAULT;
  private long frameTimeoutMillis = DEFAULT_FRAME_TIMEOUT_MILLIS;
  private String zeroconfName;

  /** Creates options with the defaults. */
  public WyomingServerOptions() {
  }

  /**
   * Reads options from JSON ({@code host}, {@code port}, {@code limits}, {@code frameTimeoutMillis}); missing keys
   * keep their defaults, unknown keys are ignored.
   *
   * @param json the JSON form
   */
  public WyomingServerOptions(JsonObject json) {
    setHost(json.getString("host", DEFAULT_HOST));
    setPort(json.getInteger("port", DEFAULT_PORT));
    setLimits(WyomingLimits.fromJson(json.getJsonObject("limits")));
    setFrameTimeoutMillis(json.getLong("frameTimeoutMillis", DEFAULT_FRAME_TIMEOUT_MILLIS));
    setZeroconfName(json.getString("zeroconfName"));
  }

  /**
   * Returns the host to bind.
   *
   * @return the host
   */
  public String getHost() {
    return host;
  }

  /**
   * Sets the host to bind.
   *
   * @param host a host name or address
   * @return these options
   */
  public WyomingServerOptions setHost(String host) {
    this.host = Objects.requireNonNull(host, "host");
    return this;
  }

  /**
   * Returns the port to bind.
   *
   * @return the port, 0 for any free port
   */
  public int getPort() {
    return port;
  }

  /**
   * Sets the port to bind.
   *
   * @param port 0 to 65535; 0 picks a free port
   * @return these options
   */
  public WyomingServerOptions setPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    this.port = port;
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
  public WyomingServerOptions setLimits(WyomingLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    return this;
  }

  /**
   * Returns how long a half-received frame may wait for more bytes before the connection is closed.
   *
   * @return the timeout in milliseconds
   */
  public long getFrameTimeoutMillis() {
    return frameTimeoutMillis;
  }

  /**
   * Sets how long a half-received frame may wait for more bytes before the connection is closed.
   *
   * @param frameTimeoutMillis a positive timeout in milliseconds
   * @return these options
   */
  public WyomingServerOptions setFrameTimeoutMillis(long frameTimeoutMillis) {
    if (frameTimeoutMillis <= 0) {
      throw new IllegalArgumentException("frameTimeoutMillis must be positive");
    }
    this.frameTimeoutMillis = frameTimeoutMillis;
    return this;
  }

  /**
   * Returns the zeroconf instance name the server announces under, or {@code null} when it does not announce.
   *
   * @return the instance name, or {@code null}
   */
  public String getZeroconfName() {
    return zeroconfName;
  }

  /**
   * Announces the server on the local network as {@code <name>._wyoming._tcp.local.} once it listens, so Home
   * Assistant discovers it. Off by default; needs {@code org.jmdns:jmdns} on the class path.
   *
   * @param zeroconfName the instance name, or {@code null} to stay silent
   * @return these options
   */
  public WyomingServerOptions setZeroconfName(String zeroconfName) {
    if (zeroconfName != null && zeroconfName.isBlank()) {
      throw new IllegalArgumentException("zeroconfName must not be blank");
    }
    this.zeroconfName = zeroconfName;
    return this;
  }

  /**
   * Returns the JSON form.
   *
   * @return a new JSON object
   */
  public JsonObject toJson() {
    return new JsonObject().put("host", host).put("port", port).put("limits", limits.toJson())
        .put("frameTimeoutMillis", frameTimeoutMillis).put("zeroconfName", zeroconfName);
  }
}
