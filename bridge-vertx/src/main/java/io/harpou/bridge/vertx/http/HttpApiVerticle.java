package io.harpou.bridge.vertx.http;

import io.harpou.bridge.vertx.BridgeContext;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.http.impl.AccessGuard;
import io.harpou.bridge.vertx.http.impl.ApiError;
import io.harpou.bridge.vertx.http.impl.AuditHandler;
import io.harpou.bridge.vertx.http.impl.ConsoleHandler;
import io.harpou.bridge.vertx.http.impl.ConversationHandler;
import io.harpou.bridge.vertx.http.impl.EventHub;
import io.harpou.bridge.vertx.http.impl.HomeHandler;
import io.harpou.bridge.vertx.http.impl.MemoryHandler;
import io.harpou.bridge.vertx.http.impl.MetricsHandler;
import io.harpou.bridge.vertx.http.impl.OpenAiHandler;
import io.harpou.bridge.vertx.http.impl.SatellitesHandler;
import io.harpou.bridge.vertx.http.impl.TasksHandler;
import io.harpou.bridge.vertx.http.impl.ToolsHandler;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves the HTTP API. Thin: it builds the router and listens; each endpoint family lives in its own handler. */
public final class HttpApiVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(HttpApiVerticle.class);
  private static final long KEY_RELOAD_MS = 10_000;

  private final HttpApiOptions options;
  private final BridgeContext bridge;
  private final ApiKeys keys;
  private final AuditLog audit;
  private HttpServer server;
  private EventHub events;
  private SatellitesHandler satellites;
  private MetricsHandler metrics;
  private long reloadTimer = -1;

  /** Creates the verticle serving the given bridge's services, guarded by {@code keys}, auditing to {@code audit}. */
  public HttpApiVerticle(HttpApiOptions options, BridgeContext bridge, ApiKeys keys, AuditLog audit) {
    this.options = options;
    this.bridge = bridge;
    this.keys = keys;
    this.audit = audit;
  }

  @Override
  public Future<?> start() {
    AuditHandler auditHandler = new AuditHandler(audit);
    AccessGuard guard = new AccessGuard(keys, options.getRateLimitPerMinute(), auditHandler);
    Router router = Router.router(vertx);
    router.route().handler(ConsoleHandler.securityHeaders());
    router.route().handler(guard);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(options.getMaxBodyBytes());
    router.post().handler(body);
    router.put().handler(body);
    router.get("/health").handler(this::health);
    metrics = new MetricsHandler(vertx, bridge.health());
    metrics.mount(router);
    new ConversationHandler(bridge).mount(router);
    new OpenAiHandler(bridge, options.getModelName()).mount(router);
    new TasksHandler(bridge).mount(router);
    auditHandler.mount(router);
    new ToolsHandler(bridge.tools()).mount(router);
    satellites = new SatellitesHandler(vertx);
    satellites.mount(router);
    new MemoryHandler(bridge).mount(router);
    new HomeHandler(bridge).mount(router);
    events = new EventHub(vertx, guard, options.getEventQueueSize());
    events.mount(router);
    ConsoleHandler.mount(router);
    router.route().last().handler(ctx -> ApiError.notFound("no such endpoint: " + ctx.request().method() + " "
        + ctx.request().path()).send(ctx));
    router.route().failureHandler(ApiError::handleFailure);
    reloadTimer = vertx.setPeriodic(KEY_RELOAD_MS, id -> keys.reload()
        .onFailure(e -> LOG.warn("Could not reload API keys: {}", e.getMessage())));
    return vertx.createHttpServer().requestHandler(router).listen(options.getPort(), options.getHost())
        .onSuccess(s -> {
          server = s;
          LOG.info("HTTP API and console on http://{}:{}/ ({})", options.getHost(), s.actualPort(),
              keys.isEmpty() ? "open to this machine, no API keys" : "API keys required");
        });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(reloadTimer);
    if (events != null) {
      events.close();
      satellites.close();
      metrics.close();
    }
    return server == null ? Future.succeededFuture() : server.close();
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
