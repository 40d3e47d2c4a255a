package io.harpou.bridge.vertx.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** An {@code mcp.servers} entry's ping interval: half a minute unless the entry names one, never a flood. */
class McpRemoteServerTest {

  private static JsonObject stdio() {
    return new JsonObject().put("prefix", "files").put("command", new JsonArray().add("node").add("server.js"));
  }

  @Test
  void should_ping_every_half_minute_unless_the_entry_says_otherwise() {
    assertThat(McpRemoteServer.fromJson(stdio()).pingIntervalMs()).isEqualTo(30_000);
    assertThat(McpRemoteServer.fromJson(stdio().put("ping_interval_ms", 5_000)).pingIntervalMs()).isEqualTo(5_000);
  }

  @Test
  void should_refuse_a_ping_interval_under_a_second_saying_which_server() {
    assertThatThrownBy(() -> McpRemoteServer.fromJson(stdio().put("ping_interval_ms", 10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mcp.servers.files: ping_interval_ms must be at least 1000");
  }
}
