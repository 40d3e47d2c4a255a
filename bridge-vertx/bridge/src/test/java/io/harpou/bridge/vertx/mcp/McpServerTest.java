package io.harpou.bridge.vertx.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.vertx.audit.AuditEntry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Harpou's MCP server driven by the official TypeScript SDK client, over both transports. */
class McpServerTest extends McpTestBase {

  @Test
  void should_list_tools_with_hints_from_their_risk_and_leave_dangerous_ones_out() {
    start();
    JsonObject out = NodePeers.client(new JsonObject().put("url", url("/mcp")));

    assertThat(out.getBoolean("ok")).as(out.encode()).isTrue();
    assertThat(out.getJsonObject("server").getString("name")).isEqualTo("harpou");
    JsonObject read = tool(out, "count_files");
    assertThat(read.getJsonObject("annotations").getBoolean("readOnlyHint")).isTrue();
    assertThat(read.getJsonObject("annotations").getBoolean("destructiveHint")).isFalse();
    JsonObject act = tool(out, "light_on");
    assertThat(act.getJsonObject("annotations").getBoolean("readOnlyHint")).isFalse();
    assertThat(act.getJsonObject("inputSchema").getJsonObject("properties").containsKey("entity_id")).isTrue();
    assertThat(out.getJsonArray("tools").stream().map(t -> ((JsonObject) t).getString("name")))
        .doesNotContain("wipe_disk");
  }

  @Test
  void should_call_a_tool_through_the_policy_and_audit_it_on_the_mcp_channel_with_the_key_name() {
    start();
    String key = createKey("claude-desktop");
    JsonObject out = NodePeers.client(new JsonObject().put("url", url("/mcp")).put("token", key)
        .put("calls", new JsonArray().add(call("light_on", "light.kitchen"))));

    assertThat(out.getBoolean("ok")).as(out.encode()).isTrue();
    assertThat(out.getJsonArray("calls").getJsonObject(0).getBoolean("isError")).isFalse();
    assertThat(state("light.kitchen")).isEqualTo("on");
    AuditEntry row = audit("light_on").get(0);
    assertThat(row.channel()).isEqualTo("mcp");
    assertThat(row.user()).isEqualTo("claude-desktop");
    assertThat(row.outcome()).isEqualTo("ok");
  }

  @Test
  void should_unlock_only_after_the_client_confirms_the_policy_question() {
    start();
    JsonObject out = NodePeers.client(new JsonObject().put("url", url("/mcp")).put("elicitation", "accept")
        .put("calls", new JsonArray().add(call("unlock", "lock.front_door"))));

    assertThat(out.getBoolean("ok")).as(out.encode()).isTrue();
    assertThat(out.getJsonArray("elicited").getString(0)).containsIgnoringCase("front door");
    assertThat(out.getJsonArray("calls").getJsonObject(0).getBoolean("isError")).as(out.encode()).isFalse();
    assertThat(state("lock.front_door")).isEqualTo("unlocked");
    assertThat(audit("unlock").stream().map(AuditEntry::outcome)).contains("confirmation_required", "ok");
  }

  @Test
  void should_leave_the_door_locked_when_the_person_declines() {
    start();
    JsonObject out = NodePeers.client(new JsonObject().put("url", url("/mcp")).put("elicitation", "decline")
        .put("calls", new JsonArray().add(call("unlock", "lock.front_door"))));

    assertThat(out.getJsonArray("elicited").size()).as(out.encode()).isEqualTo(1);
    assertThat(out.getJsonArray("calls").getJsonObject(0).getBoolean("isError")).isTrue();
    assertThat(state("lock.front_door")).isEqualTo("locked");
    assertThat(audit("unlock").stream().map(AuditEntry::outcome)).doesNotContain("ok");
  }

  @Test
  void should_refuse_a_protected_call_clearly_when_the_client_cannot_confirm() {
    start();
    JsonObject out = NodePeers.client(new JsonObject().put("url", url("/mcp"))
        .put("calls", new JsonArray().add(call("unlock", "lock.front_door"))));

    JsonObject result = out.getJsonArray("calls").getJsonObject(0);
    assertThat(result.getBoolean("isError")).as(out.encode()).isTrue();
    assertThat(result.getString("text")).contains("cannot ask for", "nothing was done");
    assertThat(state("lock.front_door")).isEqualTo("locked");
  }

  @Test
  void should_serve_the_older_sse_transport_with_the_same_policy() {
    start();
    String key = createKey("home-assistant");
    JsonObject out = NodePeers.client(new JsonObject().put("url", url("/mcp/sse")).put("transport", "sse")
        .put("token", key).put("calls", new JsonArray().add(call("light_on", "light.kitchen"))
            .add(call("unlock", "lock.front_door"))));

    assertThat(out.getBoolean("ok")).as(out.encode()).isTrue();
    assertThat(out.getJsonArray("tools").size()).isGreaterThan(2);
    assertThat(state("light.kitchen")).isEqualTo("on");
    assertThat(out.getJsonArray("calls").getJsonObject(1).getBoolean("isError")).isTrue();
    assertThat(state("lock.front_door")).isEqualTo("locked");
    assertThat(audit("light_on").get(0).user()).isEqualTo("home-assistant");
  }

  @Test
  void should_serve_the_home_as_a_read_only_resource_and_household_prompts() {
    start();
    JsonObject out = NodePeers.client(new JsonObject().put("url", url("/mcp")).put("resources", true)
        .put("prompts", true).put("read", new JsonArray().add("harpou://home")
            .add("harpou://home/entities/light.kitchen").add("harpou://home/entities/automation.nothing")));

    assertThat(out.getBoolean("ok")).as(out.encode()).isTrue();
    List<String> uris = out.getJsonArray("resources").stream().map(r -> ((JsonObject) r).getString("uri")).toList();
    assertThat(uris).contains("harpou://home");
    JsonArray reads = out.getJsonArray("reads");
    assertThat(reads.getJsonObject(0).getString("text")).contains("Kitchen light");
    assertThat(new JsonObject(reads.getJsonObject(1).getString("text")).getString("state")).isEqualTo("off");
    assertThat(reads.getJsonObject(2).getString("error")).isNotNull();
    assertThat(out.getString("promptText")).contains("kitchen");
  }

  private static JsonObject call(String tool, String entityId) {
    return new JsonObject().put("tool", tool).put("args", new JsonObject().put("entity_id", entityId));
  }

  private static JsonObject tool(JsonObject out, String name) {
    return out.getJsonArray("tools").stream().map(JsonObject.class::cast)
        .filter(t -> t.getString("name").equals(name)).findFirst().orElseThrow();
  }
}
