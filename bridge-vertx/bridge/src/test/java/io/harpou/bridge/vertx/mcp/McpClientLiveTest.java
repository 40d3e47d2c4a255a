package io.harpou.bridge.vertx.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.vertx.audit.AuditEntry;
import io.harpou.testkit.Await;
import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Harpou's MCP client while its servers live their lives: a server that changes its tools (on the official
 * TypeScript SDK's McpServer, announcing each change) and the reference {@code server-everything} over streamable
 * HTTP, killed and started again on its port. {@code /health} is read over HTTP, as a supervisor reads it.
 */
class McpClientLiveTest extends McpTestBase {

  private static final String EVERYTHING = NodePeers.DIR
      .resolve("node_modules/@modelcontextprotocol/server-everything/dist/index.js").toString();
  private static final String CHANGING = NodePeers.DIR.resolve("changing-server.mjs").toString();

  private Process httpServer;

  @AfterEach
  void stopServer() throws InterruptedException {
    if (httpServer != null) {
      httpServer.destroy();
      httpServer.waitFor();
    }
  }

  @Test
  void should_offer_the_tools_a_server_adds_and_drop_those_it_removes_while_it_runs() {
    start(servers(new JsonObject().put("prefix", "oven").put("command", new JsonArray().add("node").add(CHANGING))),
        withModel());
    awaitTool("oven_open_oven_tools");
    assertThat(bridge.tools().tool("oven_oven_temperature")).isEmpty();
    ollama.enqueue(OllamaReply.toolCall("oven_open_oven_tools", new JsonObject()));
    ollama.addRule(OllamaMatch.toolResult("oven_open_oven_tools").thenReply(OllamaReply.text("Done.")));
    ollama.addRule(OllamaMatch.toolResult("oven_oven_temperature")
        .thenReply(OllamaReply.text("The oven is at 180 degrees.")));

    ask("get the oven tools");
    Await.until("the server's new tool list", Duration.ofSeconds(30),
        () -> bridge.tools().tool("oven_oven_temperature").isPresent()
            && bridge.tools().tool("oven_open_oven_tools").isEmpty());
    ollama.enqueue(OllamaReply.toolCall("oven_oven_temperature", new JsonObject()));
    Reply reply = ask("how hot is the oven");

    assertThat(reply.speech()).isEqualTo("The oven is at 180 degrees.");
    assertThat(ollama.requests().get(2).toolNames()).contains("oven_oven_temperature")
        .doesNotContain("oven_open_oven_tools");
    assertThat(audit("oven_oven_temperature").get(0).outcome()).isEqualTo("ok");
    assertThat(health().getJsonObject("mcp_servers").getJsonObject("oven").getInteger("tools")).isEqualTo(1);
  }

  @Test
  void should_reconnect_with_a_doubling_backoff_to_a_server_that_died_and_came_back() throws Exception {
    int port = freePort();
    httpServer = everything(port);
    start(servers(new JsonObject().put("prefix", "web").put("url", "http://127.0.0.1:" + port + "/mcp")),
        withModel());
    awaitTool("web_get_sum");
    assertThat(server("web").getString("state")).isEqualTo("connected");
    assertThat(server("web").getInteger("tools")).isGreaterThan(5);
    ollama.fallback(OllamaReply.text("Let me see."));

    httpServer.destroy();
    httpServer.waitFor();
    ollama.enqueue(OllamaReply.toolCall("web_get_sum", new JsonObject().put("a", 19).put("b", 23)));
    ask("what is 19 plus 23");
    // While it is away: each failed attempt waits twice as long as the one before.
    List<Long> delays = new ArrayList<>();
    Await.until("three attempts to reconnect", Duration.ofSeconds(30), () -> {
      long delay = server("web").getLong("retry_delay_ms", 0L);
      if (delay > 0 && (delays.isEmpty() || delays.get(delays.size() - 1) != delay)) {
        delays.add(delay);
      }
      return delays.size() >= 3;
    });
    JsonObject away = health();
    httpServer = everything(port);
    Await.until("the server's tools back", Duration.ofSeconds(60), () -> bridge.tools().tool("web_get_sum")
        .isPresent());
    ollama.enqueue(OllamaReply.toolCall("web_get_sum", new JsonObject().put("a", 19).put("b", 23)));
    ask("and now, what is 19 plus 23");

    assertThat(delays.subList(0, 3)).containsExactly(1_000L, 2_000L, 4_000L);
    assertThat(away.getString("status")).isEqualTo("degraded");
    assertThat(away.getJsonObject("problems").getString("mcp:web")).startsWith("reconnecting");
    assertThat(away.getJsonObject("components").getJsonObject("mcp:web").getString("state"))
        .isEqualTo("reconnecting");
    JsonObject down = away.getJsonObject("mcp_servers").getJsonObject("web");
    assertThat(down.getString("state")).isEqualTo("reconnecting");
    assertThat(down.getInteger("tools")).isZero();
    assertThat(down.getString("last_error")).isNotBlank();
    assertThat(down.getString("next_retry")).isNotBlank();
    assertThat(audit("web_get_sum")).extracting(AuditEntry::outcome).containsExactly("ok", "error");
    assertThat(audit("web_get_sum").get(0).detail()).contains("42");
    JsonObject back = server("web");
    assertThat(back.getString("state")).isEqualTo("connected");
    assertThat(back.getString("last_error")).isEqualTo(down.getString("last_error"));
    assertThat(back.containsKey("next_retry")).isFalse();
    assertThat(health().getJsonObject("problems", new JsonObject()).containsKey("mcp:web")).isFalse();
  }

  private Process everything(int port) throws IOException {
    ProcessBuilder builder = new ProcessBuilder("node", EVERYTHING, "streamableHttp")
        .directory(NodePeers.DIR.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("PORT", Integer.toString(port));
    return builder.start();
  }

  /** The {@code /health} body, over HTTP. */
  private JsonObject health() {
    return web.get(bridge.httpPort(), "127.0.0.1", "/health").send().await().bodyAsJsonObject();
  }

  private JsonObject server(String prefix) {
    return health().getJsonObject("mcp_servers").getJsonObject(prefix);
  }

  private Reply ask(String text) {
    return bridge.agent().orElseThrow().ask(new Utterance(text, "en", null, Channel.CONSOLE, null, null, "ada"))
        .await();
  }

  private void awaitTool(String name) {
    Await.until("tool " + name + " from its MCP server", Duration.ofSeconds(30),
        () -> bridge.tools().tool(name).isPresent());
  }

  private static JsonObject servers(JsonObject... servers) {
    return new JsonObject().put("servers", new JsonArray(List.of((Object[]) servers)));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
