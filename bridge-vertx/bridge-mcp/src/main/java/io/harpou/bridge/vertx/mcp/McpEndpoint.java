package io.harpou.bridge.vertx.mcp;

import io.harpou.bridge.vertx.mcp.impl.McpEndpointImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Function;

/**
 * Harpou as an MCP server, built on the official MCP Java SDK: streamable HTTP at {@code /mcp} and the older HTTP+SSE
 * transport at {@code /mcp/sse} (messages to {@code /mcp/message}), on a router the caller owns, so its access rules
 * apply first. Every tool call goes through the policy point on the {@code mcp} channel with the API key's name as the
 * user; a PROTECTED call is confirmed through the client (MCP elicitation) or refused when the client cannot ask.
 */
public interface McpEndpoint {

  /** An endpoint serving {@code services}; nothing is mounted until {@link #mount}. */
  static McpEndpoint create(Vertx vertx, McpServerOptions options, McpServices services) {
    return new McpEndpointImpl(vertx, options, services);
  }

  /**
   * Adds the MCP routes to {@code router}, on the serving verticle's event loop. {@code keyName} names the API key a
   * request came with (empty for the console token or a program on this machine without keys); a session is bound to
   * the key that opened it.
   */
  void mount(Router router, Function<RoutingContext, Optional<String>> keyName);

  /** Closes every session and its streams. */
  Future<Void> close();
}
