package io.harpou.bridge.vertx.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class HomeAssistantOptionsTest {

  @Test
  void should_derive_the_websocket_url_from_the_http_url() {
    assertThat(new HomeAssistantOptions().setUrl("http://ha.local:8123/").webSocketUrl())
        .isEqualTo("ws://ha.local:8123/api/websocket");
    assertThat(new HomeAssistantOptions().setUrl("https://ha.example.org").webSocketUrl())
        .isEqualTo("wss://ha.example.org/api/websocket");
  }

  @Test
  void should_read_json_keys_and_keep_defaults_for_absent_ones() {
    HomeAssistantOptions options = new HomeAssistantOptions(new JsonObject().put("url", "http://10.0.0.2:8123")
        .put("token", "secret-token").put("call_timeout_ms", 2500).put("disconnected_wait_ms", 0)
        .put("unknown_key", true));

    assertThat(options.getCallTimeoutMs()).isEqualTo(2500);
    assertThat(options.getDisconnectedWaitMs()).isZero();
    assertThat(options.getMaxBackoffMs()).isEqualTo(HomeAssistantOptions.DEFAULT_MAX_BACKOFF_MS);
    assertThat(options.getMaxMessageSize()).isGreaterThan(256 * 1024);
    assertThat(new HomeAssistantOptions(options.toJson()).toJson()).isEqualTo(options.toJson());
  }

  @Test
  void should_never_show_the_token() {
    HomeAssistantOptions options = new HomeAssistantOptions().setToken("secret-token");

    assertThat(options.toString()).doesNotContain("secret-token");
    assertThat(options.toJson().encode()).doesNotContain("secret-token");
  }

  @Test
  void should_refuse_bad_values_with_a_clear_message() {
    assertThatThrownBy(() -> new HomeAssistantOptions().setUrl("ws://ha:8123"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s)://");
    assertThatThrownBy(() -> new HomeAssistantOptions().setCallTimeoutMs(0))
        .hasMessageContaining("call_timeout_ms");
    assertThatThrownBy(() -> new HomeAssistantOptions().setBackoffJitter(2))
        .hasMessageContaining("backoff_jitter");
  }
}
