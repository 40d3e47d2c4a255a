package io.harpou.bridge.vertx.voice;

import io.harpou.wyoming.WyomingServerOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The Wyoming server's settings in the configuration (the hub's {@code wyoming} section): the keys of
 * {@link WyomingServerOptions}'s JSON form, snake_case like every other section.
 *
 * <pre>{@code
 * {"host": "127.0.0.1", "port": 10700, "max_connections": 64, "max_connections_per_address": 16,
 *  "idle_timeout_ms": 300000, "frame_timeout_ms": 10000, "max_header_bytes": 65536, "max_data_bytes": 262144,
 *  "max_payload_bytes": 1048576, "zeroconf_name": "harpou"}
 * }</pre>
 */
final class WyomingServerSection {

  /** Every key this section reads. */
  static final List<String> KEYS = List.copyOf(new WyomingServerOptions().toJson().fieldNames());

  private WyomingServerSection() {
  }

  /**
   * Reads the server's keys of {@code json} over {@code defaults}; missing keys keep the defaults' values.
   *
   * @throws IllegalArgumentException when a value is out of range
   */
  static WyomingServerOptions read(JsonObject json, WyomingServerOptions defaults) {
    JsonObject merged = defaults.toJson();
    KEYS.stream().filter(json::containsKey).forEach(key -> merged.put(key, json.getValue(key)));
    return new WyomingServerOptions(merged);
  }

  /** Writes {@code options} under this section's keys into {@code json}. */
  static JsonObject write(WyomingServerOptions options, JsonObject json) {
    return json.mergeIn(options.toJson());
  }
}
