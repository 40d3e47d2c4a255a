package io.harpou.wyoming;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * Options of a {@link WyomingServer}: where to listen, how many connections it takes (in all and from one address),
 * size limits, how long a frame may take and a connection may stay idle, and an optional zeroconf announcement. The
 * defaults bound what peers can make a server hold: at most 64 connections of at most 1.3 MiB of partial frame each.
 */
public class WyomingServerOptions {

  /** Default host: every interface, since Home Assistant and satellites connect from other machines. */
  public static final String DEFAULT_HOST = "0.0.0.0";
  /** Default port: 10700, the conventional satellite port. */
  public static final int DEFAULT_PORT = 10700;
  /** Default time a frame may take from its first byte to its last: 10 seconds. */
  public static final long DEFAULT_FRAME_TIMEOUT_MILLIS = 10_000;
  /**
   * Default time a connection may pass without a whole event in either direction: 5 minutes, longer than any agent
   * turn, since Home Assistant sends nothing while it waits for an answer.
   */
  public static final long DEFAULT_IDLE_TIMEOUT_MILLIS = 300_000;
  /**
   * Default number of open connections: 64, several times what a household's satellites and Home Assistant's
   * concurrent operations (a new connection each) use, and far below a process's file descriptors.
   */
  public static final int DEFAULT_MAX_CONNECTIONS = 64;
  /** Default number of open connections from one peer address: 16, so one machine cannot take every slot. */
  public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 16;
  /**
   * Default limits of what a peer may send a server: 64 KiB header lines (as Python peers), 256 KiB data blocks
   * (requests and satellite descriptions are a few KiB) and 1 MiB payloads (32 s of 16 kHz audio in one chunk; peers
   * send 2 KiB chunks).
   */
  public static final WyomingLimits DEFAULT_LIMITS =
      new WyomingLimits(WyomingLimits.DEFAULT_MAX_HEADER_LINE_BYTES, 256 * 1024, 1024 * 1024);

  private String host = DEFAULT_HOST;
  private int port = DEFAULT_PORT;
  private WyomingLimits limits = DEFAULT_LIMITS;
  private long frameTimeoutMillis = DEFAULT_FRAME_TIMEOUT_MILLIS;
  private long idleTimeoutMillis = DEFAULT_IDLE_TIMEOUT_MILLIS;
  private int maxConnections = DEFAULT_MAX_CONNECTIONS;
  private int maxConnectionsPerAddress = DEFAULT_MAX_CONNECTIONS_PER_ADDRESS;
  private String zeroconfName;

  /** Creates options with the defaults. */
  public WyomingServerOptions() {
  }

  /**
   * Reads options from JSON, snake_case like every Harpou configuration: {@code host}, {@code port},
   * {@code max_connections}, {@code max_connections_per_address}, {@code frame_timeout_ms}, {@code idle_timeout_ms},
   * {@code zeroconf_name} and the limits' {@code max_header_bytes}, {@code max_data_bytes},
   * {@code max_payload_bytes}; missing keys keep their defaults, unknown keys are ignored.
   *
   * @param json the JSON form
   * @throws IllegalArgumentException when a value is out of range
   */
  public WyomingServerOptions(JsonObject json) {
    setHost(json.getString("host", DEFAULT_HOST));
    setPort(json.getInteger("port", DEFAULT_PORT));
    setLimits(WyomingLimits.fromJson(json, DEFAULT_LIMITS));
    setFrameTimeoutMillis(json.getLong("frame_timeout_ms", DEFAULT_FRAME_TIMEOUT_MILLIS));
    setIdleTimeoutMillis(json.getLong("idle_timeout_ms", DEFAULT_IDLE_TIMEOUT_MILLIS));
    setMaxConnections(json.getInteger("max_connections", DEFAULT_MAX_CONNECTIONS));
    setMaxConnectionsPerAddress(json.getInteger("max_connections_per_address", DEFAULT_MAX_CONNECTIONS_PER_ADDRESS));
    setZeroconfName(json.getString("zeroconf_name"));
  }

  /**
   * Copies {@code other}.
   *
   * @param other the options to copy
   */
  public WyomingServerOptions(WyomingServerOptions other) {
    this.host = other.host;
    this.port = other.port;
    this.limits = other.limits;
    this.frameTimeoutMillis = other.frameTimeoutMillis;
    this.idleTimeoutMillis = other.idleTimeoutMillis;
    this.maxConnections = other.maxConnections;
    this.maxConnectionsPerAddress = other.maxConnectionsPerAddress;
    this.zeroconfName = other.zeroconfName;
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
   * Returns how long a frame may take from its first byte to its last before the connection is closed.
   *
   * @return the timeout in milliseconds
   */
  public long getFrameTimeoutMillis() {
    return frameTimeoutMillis;
  }

  /**
   * Sets how long a frame may take from its first byte to its last before the connection is closed, however its
   * bytes trickle in.
   *
   * @param frameTimeoutMillis a positive timeout in milliseconds
   * @return these options
   */
  public WyomingServerOptions setFrameTimeoutMillis(long frameTimeoutMillis) {
    this.frameTimeoutMillis = positive(frameTimeoutMillis, "frame_timeout_ms");
    return this;
  }

  /**
   * Returns how long a connection may pass without a whole event received or sent before it is closed.
   *
   * @return the timeout in milliseconds
   */
  public long getIdleTimeoutMillis() {
    return idleTimeoutMillis;
  }

  /**
   * Sets how long a connection may pass without a whole event received or sent before it is closed.
   *
   * @param idleTimeoutMillis a positive timeout in milliseconds
   * @return these options
   */
  public WyomingServerOptions setIdleTimeoutMillis(long idleTimeoutMillis) {
    this.idleTimeoutMillis = positive(idleTimeoutMillis, "idle_timeout_ms");
    return this;
  }

  /**
   * Returns how many connections may be open at once; more are refused.
   *
   * @return the cap
   */
  public int getMaxConnections() {
    return maxConnections;
  }

  /**
   * Sets how many connections may be open at once; a connection beyond it gets an {@code error} event and is closed.
   *
   * @param maxConnections at least 1
   * @return these options
   */
  public WyomingServerOptions setMaxConnections(int maxConnections) {
    this.maxConnections = (int) positive(maxConnections, "max_connections");
    return this;
  }

  /**
   * Returns how many connections one peer address may have open at once; more are refused.
   *
   * @return the cap
   */
  public int getMaxConnectionsPerAddress() {
    return maxConnectionsPerAddress;
  }

  /**
   * Sets how many connections one peer address may have open at once; a connection beyond it gets an {@code error}
   * event and is closed.
   *
   * @param maxConnectionsPerAddress at least 1
   * @return these options
   */
  public WyomingServerOptions setMaxConnectionsPerAddress(int maxConnectionsPerAddress) {
    this.maxConnectionsPerAddress = (int) positive(maxConnectionsPerAddress, "max_connections_per_address");
    return this;
  }

  private static long positive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    return value;
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
      throw new IllegalArgumentException("zeroconf_name must not be blank");
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
    return new JsonObject().put("host", host).put("port", port).put("max_connections", maxConnections)
        .put("max_connections_per_address", maxConnectionsPerAddress).put("frame_timeout_ms", frameTimeoutMillis)
        .put("idle_timeout_ms", idleTimeoutMillis).mergeIn(limits.toJson()).put("zeroconf_name", zeroconfName);
  }
}
