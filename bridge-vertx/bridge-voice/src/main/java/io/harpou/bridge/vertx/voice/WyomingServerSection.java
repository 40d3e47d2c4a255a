package io.harpou.bridge.vertx.voice;

import io.harpou.wyoming.WyomingLimits;
import io.harpou.wyoming.WyomingServerOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The Wyoming server's settings in the configuration's words (the hub's {@code wyoming} section, snake_case like
 * every other section) read into and written from {@link WyomingServerOptions}:
 *
 * <pre>{@code
 * {"host": "127.0.0.1", "port": 10700, "max_connections": 64, "max_connections_per_address": 16,
 *  "idle_timeout_ms": 300000, "frame_timeout_ms": 10000, "max_header_bytes": 65536, "max_data_bytes": 262144,
 *  "max_payload_bytes": 1048576}
 * }</pre>
 */
final class WyomingServerSection {

  /** Every key this section reads. */
  static final List<String> KEYS = List.of("host", "port", "max_connections", "max_connections_per_address",
      "idle_timeout_ms", "frame_timeout_ms", "max_header_bytes", "max_data_bytes", "max_payload_bytes");

  private WyomingServerSection() {
  }

  /**
   * Reads the keys of {@code json} over {@code defaults}; missing keys keep the defaults' values.
   *
   * @throws IllegalArgumentException when a value is out of range
   */
  static WyomingServerOptions read(JsonObject json, WyomingServerOptions defaults) {
    WyomingLimits limits = defaults.getLimits();
    return new WyomingServerOptions(defaults.toJson())
        .setHost(json.getString("host", defaults.getHost()))
        .setPort(json.getInteger("port", defaults.getPort()))
        .setMaxConnections(positiveInt(json, "max_connections", defaults.getMaxConnections()))
        .setMaxConnectionsPerAddress(positiveInt(json, "max_connections_per_address",
            defaults.getMaxConnectionsPerAddress()))
        .setIdleTimeoutMillis(positive(json, "idle_timeout_ms", defaults.getIdleTimeoutMillis()))
        .setFrameTimeoutMillis(positive(json, "frame_timeout_ms", defaults.getFrameTimeoutMillis()))
        .setLimits(new WyomingLimits(positiveInt(json, "max_header_bytes", limits.maxHeaderLineBytes()),
            positiveInt(json, "max_data_bytes", limits.maxDataBytes()),
            positiveInt(json, "max_payload_bytes", limits.maxPayloadBytes())));
  }

  // Checked here, so an error names the key as the configuration spells it.
  private static long positive(JsonObject json, String key, long fallback) {
    long value = json.getLong(key, fallback);
    if (value <= 0) {
      throw new IllegalArgumentException(key + " must be positive, got " + value);
    }
    return value;
  }

  private static int positiveInt(JsonObject json, String key, int fallback) {
    long value = positive(json, key, fallback);
    if (value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(key + " must be at most " + Integer.MAX_VALUE + ", got " + value);
    }
    return (int) value;
  }

  /** Writes {@code options} under this section's keys into {@code json}. */
  static JsonObject write(WyomingServerOptions options, JsonObject json) {
    WyomingLimits limits = options.getLimits();
    return json.put("host", options.getHost()).put("port", options.getPort())
        .put("max_connections", options.getMaxConnections())
        .put("max_connections_per_address", options.getMaxConnectionsPerAddress())
        .put("idle_timeout_ms", options.getIdleTimeoutMillis())
        .put("frame_timeout_ms", options.getFrameTimeoutMillis())
        .put("max_header_bytes", limits.maxHeaderLineBytes())
        .put("max_data_bytes", limits.maxDataBytes())
        .put("max_payload_bytes", limits.maxPayloadBytes());
  }
}
