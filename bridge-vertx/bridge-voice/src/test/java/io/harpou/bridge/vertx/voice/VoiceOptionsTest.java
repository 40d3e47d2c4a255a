package io.harpou.bridge.vertx.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.wyoming.WyomingLimits;
import io.harpou.wyoming.WyomingServerOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The Wyoming server's settings as the configuration spells them, read into the server's options. */
class VoiceOptionsTest {

  @Test
  void should_bind_loopback_with_the_server_library_caps_and_limits_by_default() {
    WyomingServerOptions server = new VoiceOptions(new JsonObject()).getServer();

    assertThat(server.getHost()).isEqualTo("127.0.0.1");
    assertThat(server.getPort()).isEqualTo(10700);
    assertThat(server.getMaxConnections()).isEqualTo(WyomingServerOptions.DEFAULT_MAX_CONNECTIONS);
    assertThat(server.getMaxConnectionsPerAddress())
        .isEqualTo(WyomingServerOptions.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS);
    assertThat(server.getLimits()).isEqualTo(WyomingServerOptions.DEFAULT_LIMITS);
  }

  @Test
  void should_read_every_server_key_of_the_wyoming_section_and_write_it_back() {
    JsonObject json = new JsonObject().put("host", "0.0.0.0").put("port", 10800).put("max_connections", 20)
        .put("max_connections_per_address", 5).put("idle_timeout_ms", 60_000).put("frame_timeout_ms", 2_000)
        .put("max_header_bytes", 4096).put("max_data_bytes", 8192).put("max_payload_bytes", 65_536)
        .put("zeroconf_name", "harpou-kitchen");

    VoiceOptions options = new VoiceOptions(json);
    WyomingServerOptions server = options.getServer();

    assertThat(server.getHost()).isEqualTo("0.0.0.0");
    assertThat(server.getPort()).isEqualTo(10800);
    assertThat(server.getMaxConnections()).isEqualTo(20);
    assertThat(server.getMaxConnectionsPerAddress()).isEqualTo(5);
    assertThat(server.getIdleTimeoutMillis()).isEqualTo(60_000);
    assertThat(server.getFrameTimeoutMillis()).isEqualTo(2_000);
    assertThat(server.getLimits()).isEqualTo(new WyomingLimits(4096, 8192, 65_536));
    assertThat(server.getZeroconfName()).isEqualTo("harpou-kitchen");
    assertThat(new VoiceOptions(options.toJson()).toJson()).isEqualTo(options.toJson());
  }

  @Test
  void should_refuse_caps_and_timeouts_that_are_not_positive() {
    assertThatThrownBy(() -> new VoiceOptions(new JsonObject().put("max_connections", 0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max_connections must be positive");
    assertThatThrownBy(() -> new VoiceOptions(new JsonObject().put("idle_timeout_ms", -1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idle_timeout_ms must be positive");
  }

  @Test
  void should_refuse_two_satellites_with_one_id() {
    JsonObject json = new JsonObject().put("satellites", new io.vertx.core.json.JsonArray()
        .add(new JsonObject().put("host", "192.168.1.20").put("id", "kitchen-sat"))
        .add(new JsonObject().put("host", "192.168.1.21").put("id", "kitchen-sat")));

    assertThatThrownBy(() -> new VoiceOptions(json)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two voice.satellites entries have the id kitchen-sat");
  }
}
