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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Harpou's MCP client against the reference servers from npm: {@code server-everything} over stdio and streamable
 * HTTP, and {@code server-filesystem} over stdio; their tools answer the scripted model's calls through the policy.
 */
class McpClientTest extends McpTestBase {

  private static final String EVERYTHING = NodePeers.DIR
      .resolve("node_modules/@modelcontextprotocol/server-everything/dist/index.js").toString();
  private static final String FILESYSTEM = NodePeers.DIR
      .resolve("node_modules/@modelcontextprotocol/server-filesystem/dist/index.js").toString();

  @TempDir
  Path files;
  private Process httpServer;

  @AfterEach
  void stopServer() {
    if (httpServer != null) {
      httpServer.destroy();
    }
  }

  @Test
  void should_answer_through_a_tool_that_came_from_an_mcp_server_over_stdio() {
    start(servers(new JsonObject().put("prefix", "every").put("command", new JsonArray().add("node")
        .add(EVERYTHING).add("stdio"))), withModel());
    awaitTool("every_echo");
    ollama.enqueue(OllamaReply.toolCall("every_echo", new JsonObject().put("message", "bonjour Mochi")));
    ollama.addRule(OllamaMatch.toolResult("every_echo").thenReply(OllamaReply.text("The server said hello.")));

    Reply reply = ask("say hello through the server");

    assertThat(reply.speech()).isEqualTo("The server said hello.");
    AuditEntry row = audit("every_echo").get(0);
    assertThat(row.outcome()).isEqualTo("ok");
    assertThat(row.risk()).isEqualTo("act");
    assertThat(row.detail()).contains("bonjour Mochi");
  }

  @Test
  void should_read_a_file_with_the_filesystem_server_and_cut_long_output() throws IOException {
    Files.writeString(files.resolve("recipe.txt"), "Crêpes: 250 g flour, 4 eggs, half a litre of milk.");
    start(servers(new JsonObject().put("prefix", "fs").put("max_output_chars", 12).put("command", new JsonArray()
        .add("node").add(FILESYSTEM).add(files.toString()))), withModel());
    awaitTool("fs_read_text_file");
    ollama.enqueue(OllamaReply.toolCall("fs_read_text_file", new JsonObject().put("path",
        files.resolve("recipe.txt").toString())));
    ollama.addRule(OllamaMatch.toolResult("fs_read_text_file").thenReply(OllamaReply.text("Flour and eggs.")));

    ask("what is in the crêpe recipe");

    AuditEntry row = audit("fs_read_text_file").get(0);
    assertThat(row.outcome()).isEqualTo("ok");
    assertThat(row.detail()).startsWith("Crêpes: 250").contains("[output cut at 12 characters]")
        .doesNotContain("eggs");
  }

  @Test
  void should_use_a_server_over_streamable_http_with_its_headers() throws Exception {
    int port = freePort();
    ProcessBuilder builder = new ProcessBuilder("node", EVERYTHING, "streamableHttp")
        .directory(NodePeers.DIR.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("PORT", Integer.toString(port));
    httpServer = builder.start();
    start(servers(new JsonObject().put("prefix", "web").put("url", "http://127.0.0.1:" + port + "/mcp")
        .put("headers", new JsonObject().put("Authorization", "Bearer not-a-real-token"))), withModel());
    awaitTool("web_get_sum");
    ollama.enqueue(OllamaReply.toolCall("web_get_sum", new JsonObject().put("a", 19).put("b", 23)));
    ollama.addRule(OllamaMatch.toolResult("web_get_sum").thenReply(OllamaReply.text("It is 42.")));

    assertThat(ask("what is 19 plus 23").speech()).isEqualTo("It is 42.");
    assertThat(audit("web_get_sum").get(0).detail()).contains("42");
  }

  @Test
  void should_start_and_answer_when_a_server_fails() {
    start(servers(new JsonObject().put("prefix", "broken").put("command", new JsonArray().add("node").add("-e")
        .add("process.exit(3)"))), withModel());
    ollama.enqueue(OllamaReply.toolCall("broken_anything", new JsonObject()));
    ollama.addRule(OllamaMatch.toolResult("broken_anything").thenReply(OllamaReply.text("That is unavailable.")));

    Reply reply = ask("use the broken server");

    assertThat(reply.speech()).isEqualTo("That is unavailable.");
    assertThat(bridge.health().toJson().encode()).contains("broken");
    assertThat(audit("broken_anything").get(0).outcome()).isEqualTo("unknown_tool");
  }

  private Reply ask(String text) {
    return bridge.agent().orElseThrow().ask(new Utterance(text, "en", null, Channel.CONSOLE, null, null, "ada"))
        .await();
  }

  private void awaitTool(String name) {
    Await.until("tool " + name + " from its MCP server", java.time.Duration.ofSeconds(30),
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
