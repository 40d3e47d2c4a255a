package io.harpou.wyoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class WyomingOptionsTest {

  @Test
  void should_default_to_the_satellite_port_bounded_connections_and_no_announcement() {
    WyomingServerOptions options = new WyomingServerOptions();

    assertThat(options.getPort()).isEqualTo(10700);
    assertThat(options.getLimits()).isEqualTo(new WyomingLimits(64 * 1024, 256 * 1024, 1024 * 1024));
    assertThat(options.getMaxConnections()).isEqualTo(64);
    assertThat(options.getMaxConnectionsPerAddress()).isEqualTo(16);
    assertThat(options.getIdleTimeoutMillis()).isEqualTo(300_000);
    assertThat(options.getFrameTimeoutMillis()).isEqualTo(10_000);
    assertThat(options.getZeroconfName()).isNull();
  }

  @Test
  void should_read_server_options_from_snake_case_json_and_ignore_unknown_keys() {
    JsonObject json = new JsonObject().put("host", "127.0.0.1").put("port", 10300).put("frame_timeout_ms", 500)
        .put("idle_timeout_ms", 2000).put("max_connections", 8).put("max_connections_per_address", 2)
        .put("zeroconf_name", "harpou-stt").put("max_payload_bytes", 1024).put("colour", "blue");

    WyomingServerOptions options = new WyomingServerOptions(json);

    assertThat(options.getHost()).isEqualTo("127.0.0.1");
    assertThat(options.getPort()).isEqualTo(10300);
    assertThat(options.getFrameTimeoutMillis()).isEqualTo(500);
    assertThat(options.getIdleTimeoutMillis()).isEqualTo(2000);
    assertThat(options.getMaxConnections()).isEqualTo(8);
    assertThat(options.getMaxConnectionsPerAddress()).isEqualTo(2);
    assertThat(options.getZeroconfName()).isEqualTo("harpou-stt");
    assertThat(options.getLimits()).isEqualTo(new WyomingLimits(64 * 1024, 256 * 1024, 1024));
    assertThat(new WyomingServerOptions(options.toJson()).toJson()).isEqualTo(options.toJson());
  }

  @Test
  void should_write_only_snake_case_keys() {
    JsonObject server = new WyomingServerOptions().setZeroconfName("harpou").toJson();
    JsonObject client = new WyomingClientOptions().toJson();

    assertThat(server.fieldNames()).containsExactlyInAnyOrder("host", "port", "max_connections",
        "max_connections_per_address", "frame_timeout_ms", "idle_timeout_ms", "max_header_bytes", "max_data_bytes",
        "max_payload_bytes", "zeroconf_name");
    assertThat(client.fieldNames()).containsExactlyInAnyOrder("connect_timeout_ms", "frame_timeout_ms",
        "max_header_bytes", "max_data_bytes", "max_payload_bytes");
  }

  @Test
  void should_copy_options_so_that_changing_the_copy_leaves_the_original() {
    WyomingServerOptions server = new WyomingServerOptions().setPort(10300).setZeroconfName("harpou");
    WyomingClientOptions client = new WyomingClientOptions().setConnectTimeoutMillis(1000);

    WyomingServerOptions serverCopy = new WyomingServerOptions(server).setPort(10301);
    WyomingClientOptions clientCopy = new WyomingClientOptions(client).setConnectTimeoutMillis(2000);

    assertThat(serverCopy.getZeroconfName()).isEqualTo("harpou");
    assertThat(server.getPort()).isEqualTo(10300);
    assertThat(client.getConnectTimeoutMillis()).isEqualTo(1000);
  }

  @Test
  void should_round_trip_client_options_through_json() {
    WyomingClientOptions options = new WyomingClientOptions().setConnectTimeoutMillis(1000)
        .setFrameTimeoutMillis(2000).setLimits(new WyomingLimits(1024, 2048, 4096));

    assertThat(new WyomingClientOptions(options.toJson()).toJson()).isEqualTo(options.toJson());
  }

  @Test
  void should_refuse_out_of_range_options() {
    assertThatThrownBy(() -> new WyomingServerOptions().setPort(70000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WyomingServerOptions().setFrameTimeoutMillis(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WyomingLimits(4, 10, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WyomingServerOptions().setMaxConnections(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WyomingServerOptions().setMaxConnectionsPerAddress(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WyomingServerOptions().setIdleTimeoutMillis(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void should_refuse_to_listen_without_a_connect_handler() {
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    try {
      assertThat(WyomingServer.create(vertx, new WyomingServerOptions().setPort(0)).listen().cause())
          .isInstanceOf(WyomingException.class);
    } finally {
      vertx.close();
    }
  }
}
