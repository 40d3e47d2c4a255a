package io.harpou.bridge.vertx.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.vertx.audit.AuditEntry;
import io.harpou.testkit.Await;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Tools Harpou imports from its MCP servers are offered again by its own MCP server, live: the official TypeScript
 * SDK client lists and calls a tool that one of Harpou's servers added after the hub started, through Harpou's
 * policy and audit, and no longer sees a tool that server removed.
 */
class McpRelayTest extends McpTestBase {

  private static final String CHANGING = NodePeers.DIR.resolve("changing-server.mjs").toString();

  @Test
  void should_offer_live_the_tools_of_harpous_own_mcp_servers_through_its_policy_and_audit() {
    start(new JsonObject().put("servers", new JsonArray().add(new JsonObject().put("prefix", "oven")
        .put("command", new JsonArray().add("node").add(CHANGING)))), withModel());
    String key = createKey("assistant");
    Await.until("the oven server's first tool", Duration.ofSeconds(30),
        () -> bridge.tools().tool("oven_open_oven_tools").isPresent());

    JsonObject opened = client(key, "oven_open_oven_tools");
    assertThat(opened.getBoolean("ok")).as(opened.getString("error", "")).isTrue();
    JsonObject[] relayed = new JsonObject[1];
    Await.until("Harpou's MCP server offers the tool its oven server added", Duration.ofSeconds(60), () -> {
      relayed[0] = client(key, "oven_oven_temperature");
      return relayed[0].getBoolean("ok") && names(relayed[0]).contains("oven_oven_temperature");
    });

    assertThat(opened.getJsonArray("calls").getJsonObject(0).getString("text"))
        .isEqualTo("The oven tools are available.");
    assertThat(names(relayed[0])).doesNotContain("oven_open_oven_tools").contains("light_on");
    assertThat(relayed[0].getJsonArray("calls").getJsonObject(0).getString("text")).isEqualTo("180 degrees");
    AuditEntry row = audit("oven_oven_temperature").get(0);
    assertThat(row.outcome()).isEqualTo("ok");
    assertThat(row.channel()).isEqualTo("mcp");
    assertThat(row.user()).isEqualTo("assistant");
    assertThat(row.risk()).isEqualTo("act");
  }

  /** What the TypeScript SDK client saw: the tools listed, and the result of calling {@code tool}. */
  private JsonObject client(String key, String tool) {
    return NodePeers.client(new JsonObject().put("url", url("/mcp")).put("token", key)
        .put("calls", new JsonArray().add(new JsonObject().put("tool", tool))));
  }

  private static String names(JsonObject out) {
    return out.getJsonArray("tools").stream().map(t -> ((JsonObject) t).getString("name")).toList().toString();
  }
}
