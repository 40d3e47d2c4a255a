package io.harpou.bridge.vertx.voice.impl;

import io.harpou.bridge.vertx.voice.SatelliteConfig;
import io.harpou.bridge.vertx.voice.VoiceOptions;
import io.harpou.wyoming.WyomingClient;
import io.harpou.wyoming.WyomingConnection;
import io.harpou.wyoming.message.Control;
import io.harpou.wyoming.message.Pipeline;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Harpou's connection to one configured wyoming-satellite: connects, sends {@code run-satellite} and
 * {@code describe}, pings every couple of seconds and treats a silent satellite as gone, and reconnects with a
 * doubling delay after any drop or failed attempt. Each link is independent, so a dead satellite delays no other.
 */
public final class SatelliteLink {

  private static final Logger LOG = LoggerFactory.getLogger(SatelliteLink.class);

  private final VoiceRuntime runtime;
  private final WyomingClient client;
  private final SatelliteConfig config;
  private final VoiceOptions options;
  private long backoff;
  private long retryTimer = -1;
  private long pingTimer = -1;
  private long lastHeardNanos;
  private WyomingConnection connection;
  private SatelliteSession session;
  private boolean stopped;

  /** A link to {@code config}, opened by {@link #start()}. */
  public SatelliteLink(VoiceRuntime runtime, WyomingClient client, SatelliteConfig config) {
    this.runtime = runtime;
    this.client = client;
    this.config = config;
    this.options = runtime.options();
    this.backoff = options.getReconnectInitialMs();
  }

  /** Starts connecting. */
  public void start() {
    connect();
  }

  private void connect() {
    retryTimer = -1;
    if (stopped) {
      return;
    }
    client.connect(config.host(), config.port()).onComplete(ar -> {
      if (ar.failed()) {
        LOG.debug("Satellite {} unreachable: {}", config.id(), ar.cause().getMessage());
        retry();
      } else if (stopped) {
        ar.result().close();
      } else {
        attach(ar.result());
      }
    });
  }

  private void attach(WyomingConnection conn) {
    LOG.info("Connected to satellite {} at {}:{}", config.id(), config.host(), config.port());
    backoff = options.getReconnectInitialMs();
    connection = conn;
    session = new SatelliteSession(runtime, config.id(), config.room(), conn, false, config.timers());
    lastHeardNanos = System.nanoTime();
    conn.handler(event -> {
      lastHeardNanos = System.nanoTime();
      session.handle(event);
    });
    conn.exceptionHandler(e -> LOG.debug("Satellite {}: {}", config.id(), e.getMessage()));
    conn.closeHandler(v -> dropped(conn));
    session.open();
    conn.write(new Pipeline.RunSatellite());
    conn.write(new Control.Describe());
    pingTimer = runtime.vertx().setPeriodic(options.getPingIntervalMs(), t -> keepAlive(conn));
  }

  private void keepAlive(WyomingConnection conn) {
    long silentMs = (System.nanoTime() - lastHeardNanos) / 1_000_000;
    if (silentMs > options.getLivenessTimeoutMs()) {
      LOG.warn("Satellite {} silent for {} ms; reconnecting", config.id(), silentMs);
      conn.close();
      dropped(conn);
    } else {
      conn.write(new Control.Ping(null));
    }
  }

  private void dropped(WyomingConnection conn) {
    if (conn != connection) {
      return;
    }
    connection = null;
    if (pingTimer >= 0) {
      runtime.vertx().cancelTimer(pingTimer);
      pingTimer = -1;
    }
    if (session != null) {
      session.closed();
      session = null;
    }
    if (!stopped) {
      LOG.info("Satellite {} disconnected; retrying in {} ms", config.id(), backoff);
      retry();
    }
  }

  private void retry() {
    if (stopped) {
      return;
    }
    long delay = backoff;
    backoff = Math.min(backoff * 2, options.getReconnectMaxMs());
    retryTimer = runtime.vertx().setTimer(delay, t -> connect());
  }

  /** Stops reconnecting and closes the connection; the Future completes once it is closed. */
  public Future<Void> close() {
    stopped = true;
    if (retryTimer >= 0) {
      runtime.vertx().cancelTimer(retryTimer);
    }
    WyomingConnection conn = connection;
    if (conn == null) {
      return Future.succeededFuture();
    }
    conn.write(new Pipeline.PauseSatellite());
    Future<Void> closed = conn.close();
    dropped(conn);
    return closed;
  }
}
