package io.harpou.bridge.vertx.mcp;

import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.vertx.mcp.impl.McpClientsImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Harpou as an MCP client: the tools of the configured MCP servers, as Harpou tools, kept current. Each server is
 * connected on its own; one that fails or drops is reconnected with backoff while its tools are unavailable, and never
 * fails the hub. A server's announced tool-list changes apply at once. Calls run through the policy point like any
 * tool, bounded in time and output.
 */
public interface McpClients {

  /** Clients for {@code servers}; nothing connects until {@link #start()}. */
  static McpClients create(Vertx vertx, List<McpRemoteServer> servers) {
    return new McpClientsImpl(vertx, servers);
  }

  /** Starts connecting every server; succeeds at once, whatever the servers do. */
  Future<Void> start();

  /** The tools available now, from the servers that are connected. */
  Collection<Tool> tools();

  /** Each server's state, by prefix ({@code connected, 12 tools}, {@code reconnecting in 4 s: ...}). */
  Map<String, String> states();

  /** Disconnects every server and stops the programs it started. */
  Future<Void> close();
}
