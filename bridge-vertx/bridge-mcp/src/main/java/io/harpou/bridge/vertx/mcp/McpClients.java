package io.harpou.bridge.vertx.mcp;

import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.vertx.mcp.impl.McpClientsImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.List;

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

  /**
   * Each server's live state, by prefix: {@code state} ({@code connecting}, {@code connected}, {@code reconnecting}),
   * {@code tools} (how many are offered now), {@code last_error} and {@code last_error_at} once it failed, and while
   * reconnecting {@code next_retry} and {@code retry_delay_ms}.
   */
  JsonObject status();

  /** Disconnects every server and stops the programs it started. */
  Future<Void> close();
}
