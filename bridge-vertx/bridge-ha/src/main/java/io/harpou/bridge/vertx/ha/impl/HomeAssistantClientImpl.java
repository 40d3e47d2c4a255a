package io.harpou.bridge.vertx.ha.impl;

import io.harpou.bridge.api.home.CameraImage;
import io.harpou.bridge.api.home.ConnectionState;
import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.home.HomeAssistantException;
import io.harpou.bridge.api.home.Registration;
import io.harpou.bridge.api.home.ServiceCall;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client: connection lifecycle, reconnection, and call routing (WebSocket, REST, or wait). A call goes
 * another way only when it was never sent; once Home Assistant may have seen it, its outcome is final.
 */
public final class HomeAssistantClientImpl extends MirroredHome implements HomeAssistantClient {

  private static final Logger LOG = LoggerFactory.getLogger(HomeAssistantClientImpl.class);

  private final Context context;
  private final HomeAssistantOptions options;
  private final WebSocketClient webSockets;
  private final RestFallback rest;
  private final HaCommands commands;
  private final Backoff backoff;
  private final Backoff authBackoff;
  private final SessionSync sync;
  private final EventSubscriptions events;
  private final Promise<Void> firstSync = Promise.promise();
  private final List<Handler<ConnectionState>> stateHandlers = new CopyOnWriteArrayList<>();
  private final LinkWaiters waiters;

  private volatile ConnectionState state = ConnectionState.CONNECTING;
  private volatile String detail;
  private HaConnection live;
  private HaConnection attempt;
  private boolean started;
  private boolean closed;
  private boolean cacheLoaded;
  private boolean warnedUnreachable;
  /** A connection attempt failed since the last sync: calls fail at once instead of waiting for the link. */
  private boolean unreachable;
  /** The last REST request could not connect: calls do not try REST until a state refresh succeeds again. */
  private boolean restDown;
  private long reconnectTimer = -1;
  private long pingTimer = -1;
  private long restPollTimer = -1;

  /** Creates the client on the current context (or a new one); see {@link HomeAssistantClient#create}. */
  public HomeAssistantClientImpl(Vertx vertx, HomeAssistantOptions options) {
    super(vertx);
    this.context = vertx.getOrCreateContext();
    this.options = new HomeAssistantOptions(options.toJson()).setToken(options.getToken());
    this.webSockets = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(options.getMaxMessageSize()).setMaxMessageSize(options.getMaxMessageSize())
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.getConnectTimeoutMs())));
    this.rest = new RestFallback(vertx, this.options);
    this.commands = new HaCommands(vertx, options.getCallTimeoutMs());
    this.backoff = new Backoff(options.getInitialBackoffMs(), options.getMaxBackoffMs(), options.getBackoffJitter());
    this.authBackoff = new Backoff(options.getInitialBackoffMs(), options.getMaxAuthBackoffMs(),
        options.getBackoffJitter());
    this.sync = new SessionSync(vertx, options.getCallTimeoutMs(), cache, model, this::emit);
    this.events = new EventSubscriptions(options.getCallTimeoutMs());
    this.waiters = new LinkWaiters(vertx);
    this.detail = "connecting to " + options.getUrl();
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
    events.subscribeAll(c);
    backoff.reset();
    authBackoff.reset();
    warnedUnreachable = false;
    unreachable = false;
    restDown = false;
    cancelTimer(restPollTimer);
    restPollTimer = -1;
    setState(ConnectionState.CONNECTED, "connected to " + options.getUrl());
    c.closed().onFailure(e -> onDropped(c, e));
    pingTimer = vertx.setPeriodic(options.getPingIntervalMs(), t -> ping(c));
    waiters.ready(c);
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
      onTokenRejected(h);
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
    unreachable = true;
    setState(ConnectionState.RECONNECTING, "Home Assistant at " + options.getUrl() + " is unreachable: "
        + e.getMessage());
    waiters.fail(notConnected());
    scheduleReconnect(delay);
  }

  /**
   * Home Assistant rejects tokens for a moment while its auth restarts, so a rejection is retried, on a slower
   * backoff than a drop since each attempt counts as a failed login there.
   */
  private void onTokenRejected(HomeAssistantException h) {
    long delay = authBackoff.next();
    if (state != ConnectionState.AUTH_FAILED) {
      LOG.error("Home Assistant at {} rejected the access token ({}); retrying with backoff until it is accepted",
          options.getUrl(), h.getMessage());
    } else {
      LOG.debug("Home Assistant still rejects the access token; next attempt in {} ms", delay);
    }
    cancelTimer(restPollTimer);
    restPollTimer = -1;
    setState(ConnectionState.AUTH_FAILED, tokenRejected() + " (" + h.getMessage() + "); retrying with backoff, at"
        + " least every " + seconds(options.getMaxAuthBackoffMs()));
    waiters.fail(new HomeAssistantException(HomeAssistantException.AUTH_INVALID, tokenRejected()));
    firstSync.tryFail(h);
    reconnectTimer = vertx.setTimer(delay, t -> tryConnect());
  }

  private String tokenRejected() {
    return "Home Assistant at " + options.getUrl() + " rejected the access token";
  }

  private static String seconds(long millis) {
    return millis < 1_000 ? millis + " ms" : millis < 120_000 ? Math.round(millis / 1_000.0) + " s"
        : Math.round(millis / 60_000.0) + " min";
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
      restDown = false;
      if (live == null && !closed) {
        cache.replaceAllFull(states, cacheLoaded ? this::emit : change -> { });
        cacheLoaded = true;
      }
    }).onFailure(this::noteRestFailure);
  }

  private void noteRestFailure(Throwable e) {
    LOG.debug("REST request failed: {}", e.getMessage());
    if (HomeAssistantException.outcomeOf(e) == HomeAssistantException.Outcome.NOT_SENT) {
      restDown = true;
    }
  }

  /** Records the state and why; handlers hear of every change of either (the why says when it will try again). */
  private void setState(ConnectionState next, String why) {
    if (state == next && why.equals(detail)) {
      return;
    }
    detail = why;
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

  /**
   * The live connection, or one within the configured wait when the link has just dropped. When a connection attempt
   * has already failed, Home Assistant is known to be unreachable and the call fails at once, so the person asking
   * hears so at once rather than after a wait.
   */
  private Future<HaConnection> awaitLink() {
    if (closed) {
      return Future.failedFuture(new HomeAssistantException(HomeAssistantException.NOT_CONNECTED,
          "the client is closed"));
    }
    if (state == ConnectionState.AUTH_FAILED) {
      return Future.failedFuture(new HomeAssistantException(HomeAssistantException.AUTH_INVALID, tokenRejected()));
    }
    long wait = options.getDisconnectedWaitMs();
    if (wait == 0 || unreachable) {
      return Future.failedFuture(notConnected());
    }
    return waiters.await(wait, () -> new HomeAssistantException(HomeAssistantException.NOT_CONNECTED,
        "not connected to Home Assistant at " + options.getUrl() + " after waiting " + wait + " ms (" + detail
            + ")"));
  }

  private HomeAssistantException notConnected() {
    return new HomeAssistantException(HomeAssistantException.NOT_CONNECTED, unreachable ? detail
        : "not connected to Home Assistant at " + options.getUrl() + " (" + detail + ")");
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

  /**
   * Over the WebSocket when it is up, else over REST when that is not known to be down. Only a call that was never
   * sent may then wait for the WebSocket: one whose answer was lost may have run, and running it again would act
   * twice (Home Assistant has no idempotency key).
   */
  @Override
  public Future<JsonObject> callService(ServiceCall call) {
    return onContext(() -> {
      if (live == null && useRest()) {
        return rest.callService(call).recover(e -> {
          noteRestFailure(e);
          return HomeAssistantException.outcomeOf(e) == HomeAssistantException.Outcome.NOT_SENT
              ? onLink(c -> commands.callService(c, call)) : Future.failedFuture(e);
        });
      }
      return onLink(c -> commands.callService(c, call));
    });
  }

  private boolean useRest() {
    return options.isRestFallback() && !closed && !restDown && state != ConnectionState.AUTH_FAILED;
  }

  /** From REST when it is on, since that asks Home Assistant itself; else the cache while the live link feeds it. */
  @Override
  public Future<Optional<EntityState>> fetchState(String entityId) {
    return onContext(() -> {
      Future<Optional<EntityState>> cached = live != null ? Future.succeededFuture(cache.get(entityId))
          : Future.failedFuture(notConnected());
      if (!options.isRestFallback() || closed) {
        return cached;
      }
      return rest.state(entityId).recover(e -> cached);
    });
  }

  @Override
  public Future<JsonObject> searchRelated(String itemType, String itemId) {
    return onLink(c -> commands.searchRelated(c, itemType, itemId));
  }

  @Override
  public Future<JsonObject> history(List<String> entityIds, Instant start, Instant end) {
    return onLink(c -> commands.history(c, entityIds, start, end));
  }

  @Override
  public Future<Void> fireEvent(String eventType, JsonObject data) {
    return onLink(c -> commands.fireEvent(c, eventType, data));
  }

  @Override
  public Future<CameraImage> cameraImage(String entityId) {
    return rest.cameraImage(entityId);
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
      waiters.fail(notConnected);
      firstSync.tryFail(notConnected);
      List<Future<Void>> closing = new ArrayList<>(List.of(rest.close()));
      for (HaConnection c : new HaConnection[] {live, attempt}) {
        if (c != null) {
          closing.add(c.close("client closed"));
        }
      }
      live = null;
      attempt = null;
      setState(ConnectionState.CLOSED, "closed");
      // The sockets first, then the client that made them.
      return Future.join(closing).eventually(webSockets::close).mapEmpty();
    });
  }

  @Override
  public Registration onEvent(String eventType, Handler<JsonObject> handler) {
    Registration[] registration = new Registration[1];
    context.runOnContext(v -> registration[0] = events.add(eventType, handler, live));
    return () -> context.runOnContext(v -> {
      if (registration[0] != null) {
        registration[0].unregister();
      }
    });
  }

  @Override
  public Registration onConnectionStateChange(Handler<ConnectionState> handler) {
    stateHandlers.add(handler);
    return () -> stateHandlers.remove(handler);
  }

  @Override
  public String connectionDetail() {
    return detail;
  }

  @Override
  public String url() {
    return options.getUrl();
  }

  @Override
  public ConnectionState connectionState() {
    return state;
  }

  @Override
  public String toString() {
    return "HomeAssistantClient[" + options.getUrl() + ", " + state.jsonName() + "]";
  }
}
