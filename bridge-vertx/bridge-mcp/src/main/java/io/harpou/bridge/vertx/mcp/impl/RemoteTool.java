package io.harpou.bridge.vertx.mcp.impl;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.bridge.vertx.mcp.McpRemoteServer;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tool of an MCP server, as a Harpou tool: named {@code <prefix>_<name>} in snake_case, with the server's schema and
 * description, and the configured risk (READ only when the server marks it read-only and the configuration trusts
 * that server's hints). A call is bounded by the server's timeout, and its output cut to the configured length.
 */
final class RemoteTool implements Tool {

  private static final Logger LOG = LoggerFactory.getLogger(RemoteTool.class);
  private static final int MAX_DESCRIPTION = 1_000;

  private final RemoteServer server;
  private final McpRemoteServer config;
  private final String remoteName;
  private final ToolSpec spec;

  private RemoteTool(RemoteServer server, McpRemoteServer config, String remoteName, ToolSpec spec) {
    this.server = server;
    this.config = config;
    this.remoteName = remoteName;
    this.spec = spec;
  }

  /** The Harpou tool for {@code tool}, or null when it cannot be one (its schema is not an object). */
  static RemoteTool of(RemoteServer server, McpRemoteServer config, McpSchema.Tool tool, McpJsonMapper json) {
    String name = config.prefix() + "_" + snake(tool.name());
    boolean readOnly = tool.annotations() != null && Boolean.TRUE.equals(tool.annotations().readOnlyHint());
    Risk risk = config.trustHints() && readOnly ? Risk.READ : config.risk();
    String description = tool.description() == null || tool.description().isBlank()
        ? "Tool " + tool.name() + " of the MCP server " + config.prefix() + "." : tool.description();
    if (description.length() > MAX_DESCRIPTION) {
      description = description.substring(0, MAX_DESCRIPTION) + "...";
    }
    try {
      JsonObject schema = tool.inputSchema() == null ? ToolSpec.emptySchema()
          : new JsonObject(json.writeValueAsString(tool.inputSchema()));
      return new RemoteTool(server, config, tool.name(), new ToolSpec(name, description, schema, risk, false));
    } catch (java.io.IOException | RuntimeException e) {
      LOG.warn("MCP server {} offers tool {} that cannot be used: {}", config.prefix(), tool.name(), e.getMessage());
      return null;
    }
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  @Override
  public Future<ToolResult> call(ToolCall call, ToolContext context) {
    McpAsyncClient client = server.client();
    if (client == null) {
      return Tool.done(ToolResult.error("The MCP server " + config.prefix() + " is unavailable right now; "
          + server.status().describe() + "."));
    }
    Map<String, Object> arguments = call.arguments().getMap();
    return server.onContext(client.callTool(new McpSchema.CallToolRequest(remoteName, arguments))
            .timeout(Duration.ofMillis(config.timeoutMs())))
        .map(this::result)
        .recover(e -> {
          server.callFailed(e);
          return Future.succeededFuture(ToolResult.error(spec.name() + " failed: " + e.getMessage()));
        });
  }

  private ToolResult result(McpSchema.CallToolResult result) {
    StringBuilder text = new StringBuilder();
    for (McpSchema.Content content : result.content() == null ? java.util.List.<McpSchema.Content>of()
        : result.content()) {
      if (text.length() > 0) {
        text.append('\n');
      }
      text.append(content instanceof McpSchema.TextContent t ? t.text() : "[" + content.type() + " content]");
    }
    String output = text.toString();
    if (output.length() > config.maxOutputChars()) {
      output = output.substring(0, config.maxOutputChars()) + "\n[output cut at " + config.maxOutputChars()
          + " characters]";
    }
    return Boolean.TRUE.equals(result.isError()) ? ToolResult.error(output) : ToolResult.ok(output);
  }

  /** A remote tool name as a snake_case part: lower case, every other character an underscore, none doubled. */
  static String snake(String name) {
    String snake = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "_").replaceAll("(^_+|_+$)", "");
    return snake.isEmpty() ? "tool" : snake;
  }
}
