package io.harpou.bridge.vertx.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Harpou's MCP server against MCP's own tools: the conformance suite (every scenario passes but those listed, each
 * with its reason, in {@code conformance-baseline.yml}) and the inspector's command line.
 */
class McpPeersTest extends McpTestBase {

  @Test
  void should_pass_the_conformance_suite_but_for_the_scenarios_listed_with_their_reason() {
    start();

    NodePeers.Ran ran = NodePeers.run(List.of("node_modules/.bin/conformance", "server", "--url", url("/mcp"),
        "--expected-failures", "conformance-baseline.yml", "-o", "../../../target/conformance"), 600);

    assertThat(ran.exitCode()).as(ran.output()).isZero();
  }

  @Test
  void should_list_and_call_tools_with_the_inspector_cli() {
    start();
    String key = createKey("inspector");
    // The CLI finds its own package.json relative to the working directory, so it runs from its folder.
    Path inspector = NodePeers.DIR.resolve("node_modules/@modelcontextprotocol/inspector-cli/build");

    NodePeers.Ran listed = NodePeers.run(List.of("node", "index.js", url("/mcp"), "--transport", "http",
        "--header", "Authorization: Bearer " + key, "--method", "tools/list"), 60, inspector);
    NodePeers.Ran called = NodePeers.run(List.of("node", "index.js", url("/mcp"), "--transport", "http",
        "--header", "Authorization: Bearer " + key, "--method", "tools/call", "--tool-name", "light_on",
        "--tool-arg", "entity_id=light.kitchen"), 60, inspector);

    assertThat(listed.exitCode()).as(listed.output()).isZero();
    assertThat(listed.output()).contains("\"light_on\"", "\"readOnlyHint\"");
    assertThat(called.exitCode()).as(called.output()).isZero();
    assertThat(state("light.kitchen")).isEqualTo("on");
    assertThat(audit("light_on").get(0).user()).isEqualTo("inspector");
  }
}
