package io.harpou.bridge.vertx.mcp;

import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.bridge.vertx.audit.AuditEntry;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.audit.AuditQuery;
import io.harpou.bridge.vertx.http.ApiKeys;
import io.harpou.testkit.Await;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.harpou.testkit.ollama.ScriptedOllama;
import io.harpou.testkit.ollama.ScriptedOllamaOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub on the virtual home with the agent's policy point, the HTTP API on a free loopback port and the MCP server
 * mounted on it, with the agent tests' small tools: {@code light_on} (ACT), {@code unlock} (protected by the lock it
 * names), {@code count_files} (READ) and {@code wipe_disk} (DANGEROUS).
 */
abstract class McpTestBase {

  protected final Vertx vertx = Vertx.vertx();
  protected VirtualHomeAssistant home;
  protected ScriptedOllama ollama;
  protected Bridge bridge;
  protected WebClient web;

  @TempDir
  Path dataDir;

  @BeforeEach
  void startHome() {
    home = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions()).start().await();
    ollama = ScriptedOllama.create(vertx, new ScriptedOllamaOptions()).start().await();
    web = WebClient.create(vertx);
  }

  @AfterEach
  void stopAll() {
    if (bridge != null) {
      bridge.close().await();
    }
    vertx.close().await();
  }

  /** Starts the hub with this {@code mcp.server} section. */
  protected void start(JsonObject mcpServer) {
    start(new JsonObject().put("server", mcpServer), new JsonObject().put("task_threshold_ms", 10_000));
  }

  /** Starts the hub with this {@code mcp} section and this {@code agent} section. */
  protected void start(JsonObject mcp, JsonObject agent) {
    start(mcp, agent, new JsonObject());
  }

  /** Starts the hub with these {@code mcp} and {@code agent} sections and {@code tools} beside the test tools. */
  protected void start(JsonObject mcp, JsonObject agent, JsonObject tools) {
    BridgeOptions options = new BridgeOptions().setDataDir(dataDir)
        .setSection("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
        .setSection("home_assistant", new JsonObject().put("url", home.url()).put("token", home.accessToken()))
        .setSection("tools", tools.copy().put("agent_test", new JsonObject().put("active", true)))
        .setSection("agent", agent)
        .setSection("memory", new JsonObject().put("enabled", false))
        .setSection("mcp", mcp)
        // The monitors watch the machine's real disks: a full one would start a repair that takes the scripted replies.
        .setSection("monitors", new JsonObject().put("enabled", false));
    bridge = Bridge.create(vertx, options).start().await();
  }

  protected void start() {
    start(new JsonObject());
  }

  /** The agent section with the scripted model. */
  protected JsonObject withModel() {
    return new JsonObject().put("task_threshold_ms", 10_000)
        .put("ollama", new JsonObject().put("url", ollama.baseUrl()).put("model", "llama3.2"));
  }

  /**
   * Creates an API key, and waits until the hub (which reads the keys every second) knows it: a request without a
   * key is refused, one with it admitted.
   */
  protected String createKey(String name) {
    String key = ApiKeys.open(bridge.database()).await().create(name).await();
    Await.until("the hub takes the key " + name, Await.DEFAULT_TIMEOUT, () -> status(null) == 401
        && status(key) == 200);
    return key;
  }

  private int status(String key) {
    var request = web.get(bridge.httpPort(), "127.0.0.1", "/api/tools");
    if (key != null) {
      request.putHeader("authorization", "Bearer " + key);
    }
    return request.send().await().statusCode();
  }

  protected String url(String path) {
    return "http://127.0.0.1:" + bridge.httpPort() + path;
  }

  protected List<AuditEntry> audit(String tool) {
    return AuditLog.open(bridge.database()).await().query(new AuditQuery(null, null, tool, null, 100)).await();
  }

  protected String state(String entityId) {
    return home.state(entityId).getString("state");
  }
}
