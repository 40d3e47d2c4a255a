package io.harpou.bridge.vertx.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

/** The MCP doors attacked over raw HTTP: foreign pages, missing keys, borrowed sessions, floods of sessions. */
class McpAccessTest extends McpTestBase {

  private static final JsonObject INITIALIZE = rpc(1, "initialize", new JsonObject()
      .put("protocolVersion", "2025-06-18").put("capabilities", new JsonObject())
      .put("clientInfo", new JsonObject().put("name", "raw").put("version", "1")));
  private static final JsonObject LIGHT_ON = rpc(2, "tools/call", new JsonObject().put("name", "light_on")
      .put("arguments", new JsonObject().put("entity_id", "light.kitchen")));

  @Test
  void should_refuse_a_foreign_page_that_calls_a_tool() {
    start();
    String session = initialize(null).getHeader("mcp-session-id");

    HttpResponse<Buffer> refused = post("/mcp", null, session).putHeader("origin", "http://evil.example")
        .sendJsonObject(LIGHT_ON).await();

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(state("light.kitchen")).isEqualTo("off");
    assertThat(audit("light_on")).isEmpty();
  }

  @Test
  void should_refuse_an_mcp_client_without_a_key_once_keys_exist() {
    start();
    createKey("owner");

    HttpResponse<Buffer> refused = post("/mcp", null, null).sendJsonObject(INITIALIZE).await();
    HttpResponse<Buffer> stream = web.get(bridge.httpPort(), "127.0.0.1", "/mcp/sse")
        .putHeader("accept", "text/event-stream").send().await();

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(stream.statusCode()).isEqualTo(401);
  }

  @Test
  void should_not_let_another_key_use_a_session_it_did_not_open() {
    start();
    String owner = createKey("owner");
    String intruder = createKey("intruder");
    String session = initialize(owner).getHeader("mcp-session-id");
    assertThat(session).isNotBlank();

    HttpResponse<Buffer> borrowed = post("/mcp", intruder, session).sendJsonObject(LIGHT_ON).await();

    assertThat(borrowed.statusCode()).isEqualTo(404);
    assertThat(state("light.kitchen")).isEqualTo("off");
    assertThat(audit("light_on")).isEmpty();
    HttpResponse<Buffer> own = post("/mcp", owner, session).sendJsonObject(LIGHT_ON).await();
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(state("light.kitchen")).isEqualTo("on");
  }

  @Test
  void should_not_let_another_key_post_to_an_sse_session_it_did_not_open() {
    start();
    String owner = createKey("owner");
    String intruder = createKey("intruder");
    // The stream's first event names the session; the intruder learns it, as from a log, and posts to it.
    String endpoint = LegacySsePeer.open(vertx, bridge.httpPort(), owner);

    HttpResponse<Buffer> borrowed = post(endpoint, intruder, null).sendJsonObject(LIGHT_ON).await();

    assertThat(borrowed.statusCode()).isEqualTo(404);
    assertThat(state("light.kitchen")).isEqualTo("off");
  }

  @Test
  void should_refuse_sessions_beyond_the_limit_and_keep_serving_the_open_ones() {
    start(new JsonObject().put("max_sessions", 2));
    String first = initialize(null).getHeader("mcp-session-id");
    initialize(null);

    HttpResponse<Buffer> third = post("/mcp", null, null).sendJsonObject(INITIALIZE).await();

    assertThat(third.statusCode()).isEqualTo(503);
    assertThat(third.bodyAsJsonObject().getJsonObject("error").getString("message")).contains("too many");
    HttpResponse<Buffer> still = post("/mcp", null, first).sendJsonObject(LIGHT_ON).await();
    assertThat(still.statusCode()).isEqualTo(200);
    assertThat(state("light.kitchen")).isEqualTo("on");
  }

  @Test
  void should_answer_garbage_with_a_json_rpc_error_and_lose_nothing() {
    start();
    String session = initialize(null).getHeader("mcp-session-id");

    HttpResponse<Buffer> garbage = post("/mcp", null, session).sendBuffer(Buffer.buffer("{\"jsonrpc\": 7")).await();

    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(garbage.bodyAsJsonObject().getJsonObject("error").getInteger("code")).isEqualTo(-32700);
    assertThat(post("/mcp", null, session).sendJsonObject(LIGHT_ON).await().statusCode()).isEqualTo(200);
  }

  private HttpResponse<Buffer> initialize(String key) {
    HttpResponse<Buffer> response = post("/mcp", key, null).sendJsonObject(INITIALIZE).await();
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    String session = response.getHeader("mcp-session-id");
    post("/mcp", key, session).sendJsonObject(new JsonObject().put("jsonrpc", "2.0")
        .put("method", "notifications/initialized")).await();
    return response;
  }

  private HttpRequest<Buffer> post(String path, String key, String session) {
    HttpRequest<Buffer> request = web.post(bridge.httpPort(), "127.0.0.1", path)
        .putHeader("content-type", "application/json")
        .putHeader("accept", "application/json, text/event-stream");
    if (key != null) {
      request.putHeader("authorization", "Bearer " + key);
    }
    if (session != null) {
      request.putHeader("mcp-session-id", session);
    }
    return request;
  }

  static JsonObject rpc(int id, String method, JsonObject params) {
    return new JsonObject().put("jsonrpc", "2.0").put("id", id).put("method", method).put("params", params);
  }
}
