package io.harpou.bridge.vertx.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.vertx.audit.AuditEntry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The system tools (tools-system) over MCP: offered with hints from their risk, each call through the policy point
 * and its audit, a protected one only with the person's consent, and the dangerous ones neither listed nor run.
 */
class McpSystemToolsTest extends McpTestBase {

  @TempDir
  Path shared;

  private Path notes;

  @BeforeEach
  void writeFiles() throws IOException {
    notes = Files.writeString(shared.resolve("notes.txt"), "the boiler was serviced in March");
  }

  @Test
  void should_offer_the_system_tools_with_hints_from_their_risk_and_leave_the_dangerous_ones_out() {
    startWithSystemTools(false);
    JsonObject out = NodePeers.client(new JsonObject().put("url", url("/mcp")));

    assertThat(out.getBoolean("ok")).as(out.encode()).isTrue();
    assertThat(hints(out, "read_file").getBoolean("readOnlyHint")).isTrue();
    assertThat(hints(out, "get_time").getBoolean("readOnlyHint")).isTrue();
    assertThat(hints(out, "write_file").getBoolean("readOnlyHint")).isFalse();
    assertThat(hints(out, "write_file").getBoolean("destructiveHint")).isFalse();
    assertThat(hints(out, "delete_path").getBoolean("destructiveHint")).isTrue();
    assertThat(out.getJsonArray("tools").stream().map(t -> ((JsonObject) t).getString("name")))
        .doesNotContain("execute_command");
  }

  @Test
  void should_read_a_file_through_the_policy_and_audit_it_with_the_key_name() {
    startWithSystemTools(false);
    String key = createKey("claude-desktop");
    JsonObject out = NodePeers.client(new JsonObject().put("url", url("/mcp")).put("token", key)
        .put("calls", new JsonArray().add(call("read_file", new JsonObject().put("path", notes.toString())))));

    JsonObject result = out.getJsonArray("calls").getJsonObject(0);
    assertThat(result.getBoolean("isError")).as(out.encode()).isFalse();
    assertThat(result.getString("text")).contains("boiler was serviced");
    AuditEntry row = audit("read_file").get(0);
    assertThat(row.channel()).isEqualTo("mcp");
    assertThat(row.user()).isEqualTo("claude-desktop");
  }

  @Test
  void should_keep_a_file_a_client_asks_to_delete_when_the_person_declines() {
    startWithSystemTools(false);
    JsonObject out = NodePeers.client(new JsonObject().put("url", url("/mcp")).put("elicitation", "decline")
        .put("calls", new JsonArray().add(call("delete_path", new JsonObject().put("path", notes.toString())))));

    assertThat(out.getJsonArray("elicited").size()).as(out.encode()).isEqualTo(1);
    assertThat(out.getJsonArray("calls").getJsonObject(0).getBoolean("isError")).isTrue();
    assertThat(notes).exists();
    assertThat(audit("delete_path").stream().map(AuditEntry::outcome)).doesNotContain("ok");
  }

  @Test
  void should_run_no_command_for_a_client_that_calls_the_unlisted_execute_command() {
    // Even with the program allowed, a dangerous tool stays off: unlisted, and refused when called by name.
    startWithSystemTools(true);
    Path marker = shared.resolve("marker");
    JsonObject out = NodePeers.client(new JsonObject().put("url", url("/mcp")).put("calls", new JsonArray()
        .add(call("execute_command", new JsonObject().put("argv", new JsonArray().add("touch").add(marker.toString()))
            .put("cwd", shared.toString())))));

    // The SDK answers a call of a tool it does not list with a protocol error, which the client throws.
    JsonArray calls = out.getJsonArray("calls");
    boolean refused = calls.isEmpty() ? out.getString("error") != null : calls.getJsonObject(0).getBoolean("isError");
    assertThat(refused).as(out.encode()).isTrue();
    assertThat(marker).doesNotExist();
  }

  /** The hub with the file tools on {@code shared}, and {@code touch} allowed to execute_command when asked. */
  private void startWithSystemTools(boolean allowTouch) {
    JsonObject system = new JsonObject().put("files", new JsonObject().put("roots", new JsonArray()
        .add(shared.toString())));
    if (allowTouch) {
      system.put("execute", new JsonObject().put("allow", new JsonArray().add("touch"))
          .put("roots", new JsonArray().add(shared.toString())));
    }
    start(new JsonObject(), new JsonObject().put("task_threshold_ms", 10_000), new JsonObject().put("system", system));
  }

  private static JsonObject call(String tool, JsonObject args) {
    return new JsonObject().put("tool", tool).put("args", args);
  }

  private static JsonObject hints(JsonObject out, String name) {
    return out.getJsonArray("tools").stream().map(JsonObject.class::cast)
        .filter(t -> t.getString("name").equals(name)).findFirst().orElseThrow(() -> new AssertionError(
            name + " is not offered: " + out.getJsonArray("tools").encode()))
        .getJsonObject("annotations");
  }
}
