package io.harpou.bridge.vertx.mcp.impl;

import io.modelcontextprotocol.common.McpTransportContext;
import java.util.Map;

/**
 * Who sent an MCP request, as the HTTP API's guard admitted it: the API key's name, or empty for the console token and
 * a keyless program on this machine. It travels to the tool handlers in the SDK's transport context.
 *
 * @param keyName the key's name, or "" when no key was used
 */
record Caller(String keyName) {

  private static final String KEY = "harpou.caller";

  /** The caller recorded in {@code context}, or one without a key when it holds none. */
  static Caller of(McpTransportContext context) {
    Object caller = context == null ? null : context.get(KEY);
    return caller instanceof Caller c ? c : new Caller("");
  }

  /** A transport context carrying this caller. */
  McpTransportContext context() {
    return McpTransportContext.create(Map.of(KEY, this));
  }

  /** The user an audit row names: the key's name, or null without a key. */
  String user() {
    return keyName.isEmpty() ? null : keyName;
  }
}
