package io.harpou.bridge.vertx.http;

import io.vertx.ext.web.Router;

/**
 * Endpoints another module adds to the HTTP API (the MCP server, agent profiles). They are mounted behind the same
 * guard, body checks and connection limits as the API's own, before the final 404; {@link HttpApi#keyName} tells
 * which API key sent a request.
 */
@FunctionalInterface
public interface ApiRoutes {

  /** Adds this module's routes to the API's router; called once, on the serving verticle's event loop. */
  void mount(Router router);
}
