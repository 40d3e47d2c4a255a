package io.harpou.bridge.vertx.http;

import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.http.impl.AccessGuard;
import io.harpou.bridge.vertx.http.impl.ApiError;
import io.harpou.bridge.vertx.http.impl.ArtifactsHandler;
import io.harpou.bridge.vertx.http.impl.AuditHandler;
import io.harpou.bridge.vertx.http.impl.ConnectionLimits;
import io.harpou.bridge.vertx.http.impl.ConsoleHandler;
import io.harpou.bridge.vertx.http.impl.ConsoleInfoHandler;
import io.harpou.bridge.vertx.http.impl.ConversationHandler;
import io.harpou.bridge.vertx.http.impl.ConversationsHandler;
import io.harpou.bridge.vertx.http.impl.DocumentsHandler;
import io.harpou.bridge.vertx.http.impl.EventHub;
import io.harpou.bridge.vertx.http.impl.HistoryHandler;
import io.harpou.bridge.vertx.http.impl.HomeControlHandler;
import io.harpou.bridge.vertx.http.impl.HomeHandler;
import io.harpou.bridge.vertx.http.impl.JsonBodies;
import io.harpou.bridge.vertx.http.impl.KeysHandler;
import io.harpou.bridge.vertx.http.impl.SettingsHandler;
import io.harpou.bridge.vertx.http.impl.MemoryHandler;
import io.harpou.bridge.vertx.http.impl.MetricsHandler;
import io.harpou.bridge.vertx.http.impl.OpenAiHandler;
import io.harpou.bridge.vertx.http.impl.RulesHandler;
import io.harpou.bridge.vertx.http.impl.SatellitesHandler;
import io.harpou.bridge.vertx.http.impl.PlansHandler;
import io.harpou.bridge.vertx.http.impl.TasksHandler;
import io.harpou.bridge.vertx.http.impl.TimersHandler;
import io.harpou.bridge.vertx.http.impl.ToolsHandler;
import io.harpou.bridge.vertx.http.impl.UsageHandler;
import io.harpou.bridge.vertx.http.impl.VoiceSockets;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the HTTP API. Thin: it builds the router and listens; every request passes the connection limits, then the
 * {@link AccessGuard}, before any route; each endpoint family lives in its own handler.
 */
public final class HttpApiVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(HttpApiVerticle.class);
  /** How often the keys are read again, so a key revoked by {@code harpou keys} stops working within a second. */
  private static final long KEY_RELOAD_MS = 1_000;

  private final HttpApiOptions options;
  private final HttpApiServices bridge;
  private final ApiKeys keys;
  private final AuditLog audit;
  private final String consoleToken;
  private final ArtifactLinks links;
  private HttpServer server;
  private AccessGuard guard;
  private ConnectionLimits connections;
  private EventHub events;
  private VoiceSockets voice;
  private SatellitesHandler satellites;
  private MetricsHandler metrics;
  private long reloadTimer = -1;

  /**
   * Creates the verticle serving the given bridge's services, guarded by {@code keys}, the console token and the
   * artifact links' secret, auditing to {@code audit}.
   */
  public HttpApiVerticle(HttpApiOptions options, HttpApiServices bridge, ApiKeys keys, AuditLog audit,
                         String consoleToken, ArtifactLinks links) {
    this.options = options;
    this.bridge = bridge;
    this.keys = keys;
    this.audit = audit;
    this.consoleToken = consoleToken;
    this.links = links;
  }

  @Override
  public Future<?> start() {
    boolean wildcard = options.getHost().equals("0.0.0.0") || options.getHost().equals("::");
    Future<List<String>> addresses = wildcard ? vertx.executeBlocking(HttpApiVerticle::interfaceAddresses, false)
        : Future.succeededFuture(List.of());
    return addresses.compose(this::listen);
  }

  private Future<HttpServer> listen(List<String> localAddresses) {
    guard = AccessGuard.create(vertx, options, keys, consoleToken, links, localAddresses, audit);
    Router router = Router.router(vertx);
    router.route().handler(ConsoleHandler.securityHeaders());
    router.route().handler(guard);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(options.getMaxBodyBytes());
    router.post().handler(new JsonBodies());
    router.put().handler(new JsonBodies());
    router.post().handler(body);
    router.put().handler(body);
    router.get("/health").handler(this::health);
    metrics = new MetricsHandler(vertx, bridge.health());
    metrics.mount(router);
    new ConversationHandler(bridge).mount(router);
    new OpenAiHandler(bridge, options.getModelName()).mount(router);
    new TasksHandler(bridge).mount(router);
    new PlansHandler(bridge).mount(router);
    new AuditHandler(audit).mount(router);
    new ToolsHandler(bridge.tools()).mount(router);
    satellites = new SatellitesHandler(vertx, bridge.satellites()::list);
    satellites.mount(router);
    new MemoryHandler(bridge).mount(router);
    new HomeHandler(bridge).mount(router);
    new HomeControlHandler(bridge).mount(router);
    new ConsoleInfoHandler(bridge).mount(router);
    new ConversationsHandler(bridge, audit).mount(router);
    new DocumentsHandler(bridge).mount(router);
    new KeysHandler(keys).mount(router);
    new SettingsHandler(bridge).mount(router);
    new HistoryHandler(bridge).mount(router);
    new RulesHandler(vertx).mount(router);
    new UsageHandler(bridge).mount(router);
    new ArtifactsHandler(bridge, links).mount(router);
    new TimersHandler(bridge).mount(router);
    connections = new ConnectionLimits(vertx, options);
    events = new EventHub(vertx, guard, connections, options.getEventQueueSize(),
        options.getIdleTimeoutSeconds() * 1000L);
    events.mount(router);
    voice = new VoiceSockets(vertx, bridge, guard, connections, options.getIdleTimeoutSeconds() * 1000L);
    voice.mount(router);
    ConsoleHandler.mount(router);
    bridge.routes().forEach(routes -> routes.mount(router));
    router.route().last().handler(ctx -> ApiError.notFound("no such endpoint: " + ctx.request().method() + " "
        + ctx.normalizedPath()).send(ctx));
    router.route().failureHandler(ApiError::handleFailure);
    reloadTimer = vertx.setPeriodic(KEY_RELOAD_MS, id -> keys.reload()
        .onSuccess(v -> {
          events.revalidate();
          voice.revalidate();
        })
        .onFailure(e -> LOG.warn("Could not reload API keys: {}", e.getMessage())));
    HttpServerOptions serverOptions = new HttpServerOptions()
        .setMaxWebSocketFrameSize(options.getMaxWebSocketMessageBytes())
        .setMaxWebSocketMessageSize(options.getMaxWebSocketMessageBytes())
        // One request per connection at a time keeps the limits above exact; nothing here needs HTTP/2.
        .setHttp2ClearTextEnabled(false);
    return vertx.createHttpServer(serverOptions)
        .connectionHandler(connections::opened)
        .requestHandler(request -> {
          connections.requested(request);
          router.handle(request);
        })
        .listen(options.getPort(), options.getHost())
        .onSuccess(s -> {
          server = s;
          LOG.info("HTTP API and console on http://{}:{}/ ({})", options.getHost(), s.actualPort(),
              keys.isEmpty() ? "no API keys: open to programs on this machine" : "API keys required");
        });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(reloadTimer);
    Future<Void> followers = events == null ? Future.succeededFuture()
        : Future.join(events.close(), voice.close(), satellites.close(), metrics.close(), connections.close())
            .mapEmpty();
    Future<Void> closed = followers.eventually(() -> server == null ? Future.succeededFuture() : server.close());
    return closed.eventually(() -> guard == null ? Future.succeededFuture() : guard.close());
  }

  /** The port actually bound, once started. */
  public int actualPort() {
    return server == null ? -1 : server.actualPort();
  }

  private void health(RoutingContext ctx) {
    ctx.response().setStatusCode(bridge.health().healthy() ? 200 : 503)
        .putHeader("content-type", "application/json").end(bridge.health().toJson().encode());
  }

  /** This machine's interface addresses, the names a client on the network may use for a wildcard bind. */
  private static List<String> interfaceAddresses() throws SocketException {
    return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
        .flatMap(NetworkInterface::inetAddresses).map(InetAddress::getHostAddress).toList();
  }
}
