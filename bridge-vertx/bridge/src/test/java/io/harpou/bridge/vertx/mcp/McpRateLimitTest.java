package io.harpou.bridge.vertx.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.vertx.http.HttpApiOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The per-key rate limit at MCP's door: an MCP client, which spends several requests on each call, gets a bucket of
 * its own (600 a minute) beside the API's (60), so a busy legitimate client is served while a key that floods is
 * still stopped, and neither bucket drains the other.
 */
class McpRateLimitTest extends McpTestBase {

  private static final int CALLS = 80;

  @Test
  void should_serve_every_call_of_an_mcp_client_beyond_its_keys_api_allowance() {
    start();
    String key = createKey("assistant");
    JsonArray calls = new JsonArray();
    for (int i = 0; i < CALLS; i++) {
      calls.add(new JsonObject().put("tool", "count_files"));
    }

    JsonObject out = NodePeers.client(new JsonObject().put("url", url("/mcp")).put("token", key)
        .put("calls", calls));

    assertThat(out.getBoolean("ok")).as(out.getString("error", "")).isTrue();
    assertThat(out.getJsonArray("calls")).hasSize(CALLS)
        .allSatisfy(call -> assertThat(((JsonObject) call).getString("text")).contains("Counted 7 files"));
    assertThat(audit("count_files")).hasSize(CALLS);
  }

  @Test
  void should_still_stop_a_key_that_floods_mcp_and_leave_its_api_and_other_keys_alone() {
    start();
    String hostile = createKey("hostile");
    String neighbour = createKey("neighbour");

    int served = 0;
    HttpResponse<Buffer> refused = null;
    // Pings outside any session: cheap for the attacker, and each one still reaches MCP's door.
    while (refused == null && served < 3 * HttpApiOptions.DEFAULT_MCP_RATE_LIMIT_PER_MINUTE) {
      HttpResponse<Buffer> response = web.post(bridge.httpPort(), "127.0.0.1", "/mcp")
          .putHeader("authorization", "Bearer " + hostile).putHeader("content-type", "application/json")
          .putHeader("accept", "application/json, text/event-stream")
          .sendJsonObject(new JsonObject().put("jsonrpc", "2.0").put("id", served).put("method", "ping")).await();
      if (response.statusCode() == 429) {
        refused = response;
      } else {
        served++;
      }
    }

    assertThat(refused).as("a flood of " + served + " MCP requests was never stopped").isNotNull();
    assertThat(served).isGreaterThanOrEqualTo(HttpApiOptions.DEFAULT_MCP_RATE_LIMIT_PER_MINUTE);
    assertThat(Long.parseLong(refused.getHeader("retry-after"))).isPositive();
    assertThat(refused.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("rate_limited");
    assertThat(web.get(bridge.httpPort(), "127.0.0.1", "/api/tools").putHeader("authorization", "Bearer " + hostile)
        .send().await().statusCode()).as("the flooding key's API allowance").isEqualTo(200);
    JsonObject other = NodePeers.client(new JsonObject().put("url", url("/mcp")).put("token", neighbour)
        .put("calls", new JsonArray().add(new JsonObject().put("tool", "count_files"))));
    assertThat(other.getBoolean("ok")).as(other.getString("error", "")).isTrue();
  }
}
