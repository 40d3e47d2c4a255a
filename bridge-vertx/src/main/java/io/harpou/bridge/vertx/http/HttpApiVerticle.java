package io.harpou.bridge.vertx.http;

import io.harpou.bridge.vertx.BridgeContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves the HTTP API. Thin: it builds the router and listens; each endpoint lives in its own handler class. */
public final class HttpApiVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(HttpApiVerticle.class);

  private final HttpApiOptions options;
  private final BridgeContext bridge;
  private HttpServer server;

  /** Creates the verticle serving the given bridge's services. */
  public HttpApiVerticle(HttpApiOptions options, BridgeContext bridge) {
    this.options = options;
    this.bridge = bridge;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get("/health").handler(this::health);
    return vertx.createHttpServer().requestHandler(router).listen(options.getPort(), options.getHost())
        .onSuccess(s -> {
          server = s;
          LOG.info("HTTP API on http://{}:{}", options.getHost(), s.actualPort());
        });
  }

  /** The port actually bound, once started. */
  public int actualPort() {
    return server == null ? -1 : server.actualPort();
  }

  private void health(RoutingContext ctx) {
    ctx.response().setStatusCode(bridge.health().healthy() ? 200 : 503)
        .putHeader("content-type", "application/json").end(bridge.health().toJson().encode());
  }
}
