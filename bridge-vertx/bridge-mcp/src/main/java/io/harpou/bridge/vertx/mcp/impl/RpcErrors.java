package io.harpou.bridge.vertx.mcp.impl;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** HTTP answers carrying a JSON-RPC error, as MCP clients read them when a transport refuses a message. */
final class RpcErrors {

  /** JSON-RPC's "invalid request". */
  static final int INVALID_REQUEST = -32600;
  /** JSON-RPC's "parse error". */
  static final int PARSE_ERROR = -32700;
  /** The code MCP's reference servers use for a transport-level refusal (no or unknown session). */
  static final int SERVER_ERROR = -32000;

  private RpcErrors() {
  }

  /** Ends the request with {@code status} and a JSON-RPC error without an id. */
  static void send(RoutingContext ctx, int status, int code, String message) {
    JsonObject body = new JsonObject().put("jsonrpc", "2.0").putNull("id")
        .put("error", new JsonObject().put("code", code).put("message", message));
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }
}
