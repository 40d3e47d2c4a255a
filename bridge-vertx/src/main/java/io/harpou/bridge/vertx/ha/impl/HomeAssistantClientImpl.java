package io.harpou.bridge.vertx.ha.impl;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.home.Area;
import io.harpou.bridge.api.home.ConnectionState;
import io.harpou.bridge.api.home.Device;
import io.harpou.bridge.api.home.EntityEntry;
import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.home.Floor;
import io.harpou.bridge.api.home.HomeAssistantException;
import io.harpou.bridge.api.home.Registration;
import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.home.StateChange;
import io.harpou.bridge.vertx.ha.EntityStateCache;
import io.harpou.bridge.vertx.ha.HomeAssistantClient;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The client: connection lifecycle, reconnection, call routing (WebSocket, REST, or wait) and fan-out. */
public final class HomeAssistantClientImpl implements HomeAssistantClient {

  private static final Logger LOG = LoggerFactory.getLogger(HomeAssistantClientImpl.class);

  private final Vertx vertx;
  private final Context context;
  private final HomeAssistantOptions options;
  private final WebSocketClient webSockets;
  private final RestFallback rest;
  private final HaCommands commands;
  private final EntityStateCache cache = EntityStateCache.create();
  private final HomeModel model = new HomeModel();
  private final Backoff backoff;
  private final SessionSync sync;
  private final Promise<Void> firstSync = Promise.promise();
  private final List<Handler<StateChange>> changeHandlers = new CopyOnWriteArrayList<>();
  private final List<Handler<ConnectionState>> stateHandlers = new CopyOnWriteArrayList<>();
  private final List<Promise<HaConnection>> waiters = new ArrayList<>();

  private volatile ConnectionState state = ConnectionState.CONNECTING;
  private volatile String detail = "not started";
  private HaConnection live;
  private HaConnection attempt;
  private boolean started;
  private boolean closed;
  private boolean cacheLoaded;
  private boolean warnedUnreachable;
  private long reconnectTimer = -1;
  private long pingTimer = -1;
  private long restPollTimer = -1;

  /** Creates the client on the current context (or a new one); see {@link HomeAssistantClient#create}. */
  public HomeAssistantClientImpl(Vertx vertx, HomeAssistantOptions options) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.options = new HomeAssistantOptions(options.toJson()).setToken(options.getToken());
    this.webSockets = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(options.getMaxMessageSize()).setMaxMessageSize(options.getMaxMessageSize())
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.getConnectTimeoutMs())));
    this.rest = new RestFallback(vertx, this.options);
    this.commands = new HaCommands(vertx, options.getCallTimeoutMs());
    this.backoff = new Backoff(options.getInitialBackoffMs(), options.getMaxBackoffMs(), options.getBackoffJitter());
    this.sync = new SessionSync(vertx, options.getCallTimeoutMs(), cache, model, this::emit);
  }

  @Override
  public Future<Void> connect() {
    return onContext(() -> {
      if (!started && !closed) {
        started = true;
        setState(ConnectionState.CONNECTING, "connecting to " + options.getUrl());
        tryConnect();
      }
      return firstSync.future();
    });
  }

  private void tryConnect() {
    reconnectTimer = -1;
    WebSocketConnectOptions target = new WebSocketConnectOptions().setAbsoluteURI(options.webSocketUrl())
        .setTimeout(options.getConnectTimeoutMs());
    webSockets.connect(target)
        .compose(socket -> {
          HaConnection c = new HaConnection(vertx, socket, options.getMaxMessageSize());
          attempt = c;
          if (closed) {
            c.close("client closed");
          }
          return c.authenticate(options.getToken(), options.getCallTimeoutMs())
              .compose(version -> {
                boolean resync = cacheLoaded;
                cacheLoaded = true;
                return sync.run(c, resync).map(v -> {
                  LOG.info("Connected to Home Assistant {} at {}: {} entities, {} areas, {} devices", version,
                      options.getUrl(), cache.size(), model.areas().size(), model.devices().size());
                  return c;
                });
              });
        })
        .onSuccess(this::onSynced)
        .onFailure(this::onAttemptFailed);
  }

  private void onSynced(HaConnection c) {
    attempt = null;
    if (closed) {
      c.close("client closed");
      return;
    }
    live = c;
    backoff.reset();
    warnedUnreachable = false;
    cancelTimer(restPollTimer);
    restPollTimer = -1;
    setState(ConnectionState.CONNECTED, "connected to " + options.getUrl());
    c.closed().onFailure(e -> onDropped(c, e));
    pingTimer = vertx.setPeriodic(options.getPingIntervalMs(), t -> ping(c));
    List<Promise<HaConnection>> ready = new ArrayList<>(waiters);
    waiters.clear();
    ready.forEach(p -> p.tryComplete(c));
    firstSync.tryComplete();
  }

  private void ping(HaConnection c) {
    if (c != live) {
      return;
    }
    c.call(new JsonObject().put("type", "ping"), options.getPongTimeoutMs()).onFailure(e -> {
      if (e instanceof HomeAssistantException h && HomeAssistantException.TIMEOUT.equals(h.code())) {
        LOG.warn("Home Assistant did not answer a ping within {} ms; treating the connection as dropped",
            options.getPongTimeoutMs());
        c.close("no pong");
      }
    });
  }

  private void onAttemptFailed(Throwable e) {
    HaConnection failed = attempt;
    attempt = null;
    if (failed != null) {
      failed.close("setup failed");
    }
    if (closed) {
      return;
    }
    if (e instanceof HomeAssistantException h && HomeAssistantException.AUTH_INVALID.equals(h.code())) {
      LOG.error("Home Assistant at {} rejected the access token ({}); not retrying until reconfigured",
          options.getUrl(), h.getMessage());
      setState(ConnectionState.AUTH_FAILED, "access token rejected: " + h.getMessage());
      failWaiters(new HomeAssistantException(HomeAssistantException.AUTH_INVALID, h.getMessage()));
      firstSync.tryFail(h);
      return;
    }
    long delay = backoff.next();
    if (!warnedUnreachable) {
      LOG.warn("Cannot connect to Home Assistant at {}: {}; retrying with backoff", options.getUrl(),
          e.getMessage());
      warnedUnreachable = true;
    } else {
      LOG.debug("Home Assistant still unreachable ({}); next attempt in {} ms", e.getMessage(), delay);
    }
    setState(ConnectionState.RECONNECTING, "unreachable: " + e.getMessage());
    scheduleReconnect(delay);
  }

  private void onDropped(HaConnection c, Throwable e) {
    if (c != live) {
      return;
    }
    live = null;
    cancelTimer(pingTimer);
    if (closed) {
      return;
    }
    LOG.warn("Lost the connection to Home Assistant ({}); reconnecting", e.getMessage());
    setState(ConnectionState.RECONNECTING, e.getMessage());
    scheduleReconnect(backoff.next());
  }

  private void scheduleReconnect(long delay) {
    reconnectTimer = vertx.setTimer(delay, t -> tryConnect());
    if (options.isRestFallback() && restPollTimer < 0) {
      restPollTimer = vertx.setPeriodic(0, options.getRestPollIntervalMs(), t -> pollRest());
    }
  }

  private void pollRest() {
    rest.states().onSuccess(states -> {
      if (live == null && !closed) {
        cache.replaceAllFull(states, cacheLoaded ? this::emit : change -> { });
        cacheLoaded = true;
      }
    }).onFailure(e -> LOG.debug("REST state refresh failed: {}", e.getMessage()));
  }

  private void emit(StateChange change) {
    for (Handler<StateChange> handler : changeHandlers) {
      try {
        handler.handle(change);
      } catch (RuntimeException e) {
        LOG.warn("A state change handler failed: {}", e.toString());
      }
    }
    vertx.eventBus().publish(BridgeAddresses.HOME_STATE_CHANGED, change.toJson());
  }

  private void setState(ConnectionState next, String why) {
    detail = why;
    if (state == next) {
      return;
    }
    state = next;
    for (Handler<ConnectionState> handler : stateHandlers) {
      try {
        handler.handle(next);
      } catch (RuntimeException e) {
        LOG.warn("A connection state handler failed: {}", e.toString());
      }
    }
  }

  /** Runs {@code op} on the live connection, waiting for one within the configured bound if needed. */
  private <T> Future<T> onLink(Function<HaConnection, Future<T>> op) {
    return onContext(() -> live != null ? op.apply(live) : awaitLink().compose(op));
  }

  private Future<HaConnection> awaitLink() {
    if (closed || state == ConnectionState.AUTH_FAILED) {
      return Future.failedFuture(state == ConnectionState.AUTH_FAILED
          ? new HomeAssistantException(HomeAssistantException.AUTH_INVALID, "Home Assistant rejected the token")
          : new HomeAssistantException(HomeAssistantException.NOT_CONNECTED, "the client is closed"));
    }
    long wait = options.getDisconnectedWaitMs();
    if (wait == 0) {
      return Future.failedFuture(notConnected());
    }
    Promise<HaConnection> promise = Promise.promise();
    waiters.add(promise);
    long timer = vertx.setTimer(wait, t -> {
      waiters.remove(promise);
      promise.tryFail(new HomeAssistantException(HomeAssistantException.NOT_CONNECTED,
          "not connected to Home Assistant after waiting " + wait + " ms (" + detail + ")"));
    });
    return promise.future().onComplete(r -> vertx.cancelTimer(timer));
  }

  private HomeAssistantException notConnected() {
    return new HomeAssistantException(HomeAssistantException.NOT_CONNECTED,
        "not connected to Home Assistant (" + detail + ")");
  }

  private void failWaiters(Throwable cause) {
    List<Promise<HaConnection>> failed = new ArrayList<>(waiters);
    waiters.clear();
    failed.forEach(p -> p.tryFail(cause));
  }

  private <T> Future<T> onContext(Supplier<Future<T>> action) {
    if (Vertx.currentContext() == context) {
      return action.get();
    }
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future();
  }

  private void cancelTimer(long id) {
    if (id >= 0) {
      vertx.cancelTimer(id);
    }
  }

  @Override
  public Future<JsonObject> callService(ServiceCall call) {
    return onContext(() -> {
      if (live == null && options.isRestFallback() && !closed && state != ConnectionState.AUTH_FAILED) {
        return rest.callService(call).recover(e -> e instanceof HomeAssistantException h
            && HomeAssistantException.NOT_CONNECTED.equals(h.code())
            ? onLink(c -> commands.callService(c, call)) : Future.failedFuture(e));
      }
      return onLink(c -> commands.callService(c, call));
    });
  }

  @Override
  public Future<JsonObject> searchRelated(String itemType, String itemId) {
    return onLink(c -> commands.searchRelated(c, itemType, itemId));
  }

  @Override
  public Future<Void> fireEvent(String eventType, JsonObject data) {
    return onLink(c -> commands.fireEvent(c, eventType, data));
  }

  @Override
  public Future<String> renderTemplate(String template) {
    return onLink(c -> commands.renderTemplate(c, template));
  }

  @Override
  public Future<JsonObject> processConversation(String text, String language, String conversationId) {
    return onLink(c -> commands.processConversation(c, text, language, conversationId));
  }

  @Override
  public Future<Void> close() {
    return onContext(() -> {
      if (closed) {
        return Future.succeededFuture();
      }
      closed = true;
      cancelTimer(reconnectTimer);
      cancelTimer(pingTimer);
      cancelTimer(restPollTimer);
      HomeAssistantException notConnected =
          new HomeAssistantException(HomeAssistantException.NOT_CONNECTED, "the client is closed");
      failWaiters(notConnected);
      firstSync.tryFail(notConnected);
      for (HaConnection c : new HaConnection[] {live, attempt}) {
        if (c != null) {
          c.close("client closed");
        }
      }
      live = null;
      attempt = null;
      setState(ConnectionState.CLOSED, "closed");
      rest.close();
      return webSockets.close();
    });
  }

  @Override
  public Registration onConnectionStateChange(Handler<ConnectionState> handler) {
    stateHandlers.add(handler);
    return () -> stateHandlers.remove(handler);
  }

  @Override
  public Registration onStateChange(Handler<StateChange> handler) {
    changeHandlers.add(handler);
    return () -> changeHandlers.remove(handler);
  }

  @Override
  public String connectionDetail() {
    return detail;
  }

  @Override
  public ConnectionState connectionState() {
    return state;
  }

  @Override
  public Collection<EntityState> states() {
    return cache.states();
  }

  @Override
  public Optional<EntityState> state(String entityId) {
    return cache.get(entityId);
  }

  @Override
  public List<Floor> floors() {
    return model.floors();
  }

  @Override
  public List<Area> areas() {
    return model.areas();
  }

  @Override
  public List<Device> devices() {
    return model.devices();
  }

  @Override
  public List<EntityEntry> entities() {
    return model.entities();
  }

  @Override
  public Optional<Area> areaOf(String entityId) {
    return model.areaOf(entityId);
  }

  @Override
  public String toString() {
    return "HomeAssistantClient[" + options.getUrl() + ", " + state.jsonName() + "]";
  }
}
