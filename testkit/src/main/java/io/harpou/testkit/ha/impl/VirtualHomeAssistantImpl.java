package io.harpou.testkit.ha.impl;

import io.harpou.testkit.ha.Faults;
import io.harpou.testkit.ha.RecordedServiceCall;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The virtual Home Assistant: one HTTP server carrying the WebSocket API and the REST API. */
public final class VirtualHomeAssistantImpl implements VirtualHomeAssistant {

  private static final Logger LOG = LoggerFactory.getLogger(VirtualHomeAssistantImpl.class);
  /** aiohttp's default incoming message limit, which Home Assistant keeps. */
  private static final int MAX_MESSAGE = 4 * 1024 * 1024;
  private static final String WS_PATH = "/api/websocket";

  private final Vertx vertx;
  private final VirtualHomeOptions options;
  private final Home home;
  private final Set<WsSession> sessions = FaultsImpl.newSessionSet();
  private final FaultsImpl faults = new FaultsImpl(() -> sessions);
  private final WsCommands commands;
  private HttpServer server;
  private volatile int port = -1;

  /**
   * Builds the virtual home and loads its house.
   *
   * @param vertx   the Vert.x instance
   * @param options the options
   */
  public VirtualHomeAssistantImpl(Vertx vertx, VirtualHomeOptions options) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.options = Objects.requireNonNull(options, "options");
    this.home = new Home(vertx, options);
    this.commands = new WsCommands(home);
  }

  @Override
  public Future<VirtualHomeAssistant> start() {
    Router router = Router.router(vertx);
    new RestApi(home, faults).mount(router);
    HttpServerOptions serverOptions = new HttpServerOptions().setHost(options.getHost()).setPort(options.getPort())
        .setMaxWebSocketFrameSize(MAX_MESSAGE).setMaxWebSocketMessageSize(MAX_MESSAGE)
        .setPerMessageWebSocketCompressionSupported(true);
    // The WebSocket is served by the server itself rather than a router route, so the session holds Vert.x's own
    // WebSocket object (needed to drop a connection without a close frame).
    server = vertx.createHttpServer(serverOptions)
        .webSocketHandshakeHandler(handshake -> {
          if (faults.webSocketsRefused()) {
            handshake.reject(400);
          } else if (WS_PATH.equals(handshake.path())) {
            handshake.accept();
          } else {
            handshake.reject(404);
          }
        })
        .webSocketHandler(ws -> {
          WsSession[] holder = new WsSession[1];
          holder[0] = new WsSession(home, faults, commands, ws, () -> sessions.remove(holder[0]));
          sessions.add(holder[0]);
          holder[0].start();
        })
        .requestHandler(router);
    return server.listen().map(s -> {
      port = s.actualPort();
      LOG.info("Virtual Home Assistant listening on {} with {} entities", url(), home.states.all().size());
      return this;
    });
  }

  @Override
  public int actualPort() {
    return port;
  }

  @Override
  public String url() {
    return "http://" + options.getHost() + ":" + port;
  }

  @Override
  public String webSocketUrl() {
    return "ws://" + options.getHost() + ":" + port + "/api/websocket";
  }

  @Override
  public String accessToken() {
    return options.getAccessToken();
  }

  @Override
  public Future<Void> close() {
    new ArrayList<>(sessions).forEach(WsSession::closeNormally);
    return server == null ? Future.succeededFuture() : server.close();
  }

  @Override
  public JsonObject state(String entityId) {
    EntityState s = home.states.get(entityId);
    return s == null ? null : s.toJson();
  }

  @Override
  public List<String> entityIds() {
    return home.states.all().stream().map(EntityState::entityId).toList();
  }

  @Override
  public void setState(String entityId, String state) {
    EntityState old = home.states.get(entityId);
    setState(entityId, state, old == null ? new JsonObject() : old.attributes());
  }

  @Override
  public void setState(String entityId, String state, JsonObject attributes) {
    home.house.jammedLocks.remove(entityId);
    home.states.set(entityId, state, attributes, HaContext.create(null), false);
  }

  @Override
  public void recordPast(String entityId, java.time.Instant when, String state, JsonObject attributes) {
    long micros = when.getEpochSecond() * 1_000_000L + when.getNano() / 1_000L;
    home.recorder.add(new EntityState(entityId, state, attributes == null ? new JsonObject() : attributes.copy(),
        micros, micros, micros, HaContext.create(null)));
  }

  @Override
  public boolean removeState(String entityId) {
    return home.states.remove(entityId, HaContext.create(null));
  }

  @Override
  public void fireEvent(String eventType, JsonObject data) {
    home.states.fire(eventType, data, "LOCAL", HaContext.create(null));
  }

  @Override
  public void renameArea(String areaId, String name) {
    JsonObject area = home.house.registries.areas.get(areaId);
    if (area == null) {
      throw new IllegalArgumentException("no such area: " + areaId);
    }
    area.put("name", name);
    fireEvent("area_registry_updated", new JsonObject().put("action", "update").put("area_id", areaId));
  }

  @Override
  public void jamLock(String entityId) {
    EntityState s = home.states.get(entityId);
    if (s == null || !"lock".equals(s.domain())) {
      throw new IllegalArgumentException("no such lock: " + entityId);
    }
    home.states.set(entityId, "jammed", s.attributes(), HaContext.create(null), false);
    home.house.jammedLocks.add(entityId);
  }

  @Override
  public List<RecordedServiceCall> calls() {
    return home.calls.all();
  }

  @Override
  public RecordedServiceCall takeCall(Duration timeout) {
    try {
      RecordedServiceCall call = home.calls.take(timeout);
      if (call == null) {
        throw new IllegalStateException("no service call within " + timeout);
      }
      return call;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a service call", e);
    }
  }

  @Override
  public List<JsonObject> notifications() {
    return home.house.notifications.stream().map(JsonObject::copy).toList();
  }

  @Override
  public int connectionCount() {
    return sessions.size();
  }

  @Override
  public Faults faults() {
    return faults;
  }
}
