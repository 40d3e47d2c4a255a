package io.harpou.bridge.vertx.ha;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Objects;

/**
 * Settings of a {@link HomeAssistantClient}: where Home Assistant is, the token, timeouts, reconnection and liveness.
 * Options never read the environment; the hub builds them from its configuration.
 */
public class HomeAssistantOptions {

  /** Default time Home Assistant has to answer one command: 10 s. */
  public static final long DEFAULT_CALL_TIMEOUT_MS = 10_000;
  /** Default time to open the TCP/WebSocket connection: 10 s. */
  public static final long DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
  /** Default first reconnection delay: 1 s. */
  public static final long DEFAULT_INITIAL_BACKOFF_MS = 1_000;
  /** Default longest reconnection delay: 30 s. */
  public static final long DEFAULT_MAX_BACKOFF_MS = 30_000;
  /**
   * Default longest delay between attempts while Home Assistant rejects the token: 5 minutes. Each rejection is a
   * failed login for Home Assistant (logged, notified, and counted towards its IP ban when that is on), so a token
   * that stays wrong is tried rarely, while one rejected during a restart is soon accepted again.
   */
  public static final long DEFAULT_MAX_AUTH_BACKOFF_MS = 300_000;
  /** Default jitter: each delay is shortened by up to this fraction at random. */
  public static final double DEFAULT_BACKOFF_JITTER = 0.2;
  /** Default time a call made while disconnected waits for the link: 5 s (0 fails at once). */
  public static final long DEFAULT_DISCONNECTED_WAIT_MS = 5_000;
  /** Default largest WebSocket frame and message: 64 MiB, as {@code get_states} arrives as one frame. */
  public static final int DEFAULT_MAX_MESSAGE_SIZE = 64 * 1024 * 1024;
  /** Default interval between liveness pings: 30 s. */
  public static final long DEFAULT_PING_INTERVAL_MS = 30_000;
  /** Default time a ping has to be answered before the link counts as dropped: 10 s. */
  public static final long DEFAULT_PONG_TIMEOUT_MS = 10_000;
  /** Default interval between REST state refreshes while the WebSocket is down: 5 s. */
  public static final long DEFAULT_REST_POLL_INTERVAL_MS = 5_000;

  private String url = "http://127.0.0.1:8123";
  private String token;
  private long callTimeoutMs = DEFAULT_CALL_TIMEOUT_MS;
  private long connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS;
  private long initialBackoffMs = DEFAULT_INITIAL_BACKOFF_MS;
  private long maxBackoffMs = DEFAULT_MAX_BACKOFF_MS;
  private long maxAuthBackoffMs = DEFAULT_MAX_AUTH_BACKOFF_MS;
  private double backoffJitter = DEFAULT_BACKOFF_JITTER;
  private long disconnectedWaitMs = DEFAULT_DISCONNECTED_WAIT_MS;
  private int maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
  private long pingIntervalMs = DEFAULT_PING_INTERVAL_MS;
  private long pongTimeoutMs = DEFAULT_PONG_TIMEOUT_MS;
  private boolean restFallback = true;
  private long restPollIntervalMs = DEFAULT_REST_POLL_INTERVAL_MS;

  /** Options with the defaults (Home Assistant on 127.0.0.1:8123, no token). */
  public HomeAssistantOptions() {
  }

  /** A copy of {@code other}: changing one leaves the other as it was. */
  public HomeAssistantOptions(HomeAssistantOptions other) {
    this(other.toJson());
    this.token = other.token;
  }

  /**
   * Options from JSON: {@code url, token, call_timeout_ms, connect_timeout_ms, initial_backoff_ms, max_backoff_ms,
   * max_auth_backoff_ms, backoff_jitter, disconnected_wait_ms, max_message_size, ping_interval_ms, pong_timeout_ms, rest_fallback,
   * rest_poll_interval_ms}; absent keys keep their defaults, unknown keys are ignored.
   *
   * @throws IllegalArgumentException when a value is out of range
   */
  public HomeAssistantOptions(JsonObject json) {
    Objects.requireNonNull(json, "json");
    setUrl(json.getString("url", url));
    token = json.getString("token");
    setCallTimeoutMs(json.getLong("call_timeout_ms", callTimeoutMs));
    setConnectTimeoutMs(json.getLong("connect_timeout_ms", connectTimeoutMs));
    setInitialBackoffMs(json.getLong("initial_backoff_ms", initialBackoffMs));
    setMaxBackoffMs(json.getLong("max_backoff_ms", maxBackoffMs));
    setMaxAuthBackoffMs(json.getLong("max_auth_backoff_ms", maxAuthBackoffMs));
    setBackoffJitter(json.getDouble("backoff_jitter", backoffJitter));
    setDisconnectedWaitMs(json.getLong("disconnected_wait_ms", disconnectedWaitMs));
    setMaxMessageSize(json.getInteger("max_message_size", maxMessageSize));
    setPingIntervalMs(json.getLong("ping_interval_ms", pingIntervalMs));
    setPongTimeoutMs(json.getLong("pong_timeout_ms", pongTimeoutMs));
    setRestFallback(json.getBoolean("rest_fallback", restFallback));
    setRestPollIntervalMs(json.getLong("rest_poll_interval_ms", restPollIntervalMs));
  }

  /** The base URL, {@code http(s)://host:port}. */
  public String getUrl() {
    return url;
  }

  /**
   * Sets the base URL ({@code http://host:8123} or {@code https://...}); a trailing slash is dropped.
   *
   * @throws IllegalArgumentException when it is not an absolute http(s) URL
   */
  public HomeAssistantOptions setUrl(String url) {
    Objects.requireNonNull(url, "url");
    String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    URI uri;
    try {
      uri = URI.create(trimmed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Home Assistant url is not a URL: " + url, e);
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("Home Assistant url must be http(s)://host[:port]: " + url);
    }
    this.url = trimmed;
    return this;
  }

  /** The WebSocket URL derived from {@link #getUrl()}: {@code ws(s)://host:port/api/websocket}. */
  public String webSocketUrl() {
    return (url.startsWith("https") ? "wss" : "ws") + url.substring(url.indexOf(':')) + "/api/websocket";
  }

  /** The long-lived access token, or null. */
  public String getToken() {
    return token;
  }

  /** Sets the long-lived access token. */
  public HomeAssistantOptions setToken(String token) {
    this.token = token;
    return this;
  }

  /** Time Home Assistant has to answer one command. */
  public long getCallTimeoutMs() {
    return callTimeoutMs;
  }

  /** Sets the time Home Assistant has to answer one command (positive). */
  public HomeAssistantOptions setCallTimeoutMs(long callTimeoutMs) {
    this.callTimeoutMs = positive(callTimeoutMs, "call_timeout_ms");
    return this;
  }

  /** Time to open the connection. */
  public long getConnectTimeoutMs() {
    return connectTimeoutMs;
  }

  /** Sets the time to open the connection (positive). */
  public HomeAssistantOptions setConnectTimeoutMs(long connectTimeoutMs) {
    this.connectTimeoutMs = positive(connectTimeoutMs, "connect_timeout_ms");
    return this;
  }

  /** First reconnection delay. */
  public long getInitialBackoffMs() {
    return initialBackoffMs;
  }

  /** Sets the first reconnection delay (positive); each failed attempt doubles it up to the maximum. */
  public HomeAssistantOptions setInitialBackoffMs(long initialBackoffMs) {
    this.initialBackoffMs = positive(initialBackoffMs, "initial_backoff_ms");
    return this;
  }

  /** Longest reconnection delay. */
  public long getMaxBackoffMs() {
    return maxBackoffMs;
  }

  /** Sets the longest reconnection delay (positive). */
  public HomeAssistantOptions setMaxBackoffMs(long maxBackoffMs) {
    this.maxBackoffMs = positive(maxBackoffMs, "max_backoff_ms");
    return this;
  }

  /** Longest delay between attempts while Home Assistant rejects the token. */
  public long getMaxAuthBackoffMs() {
    return maxAuthBackoffMs;
  }

  /** Sets the longest delay between attempts while Home Assistant rejects the token (positive). */
  public HomeAssistantOptions setMaxAuthBackoffMs(long maxAuthBackoffMs) {
    this.maxAuthBackoffMs = positive(maxAuthBackoffMs, "max_auth_backoff_ms");
    return this;
  }

  /** Fraction (0..1) by which each reconnection delay is shortened at random. */
  public double getBackoffJitter() {
    return backoffJitter;
  }

  /** Sets the jitter fraction (0..1), so many clients do not reconnect in step. */
  public HomeAssistantOptions setBackoffJitter(double backoffJitter) {
    if (!(backoffJitter >= 0 && backoffJitter <= 1)) {
      throw new IllegalArgumentException("backoff_jitter must be within 0..1: " + backoffJitter);
    }
    this.backoffJitter = backoffJitter;
    return this;
  }

  /** How long a call made while disconnected waits for the link; 0 fails it at once. */
  public long getDisconnectedWaitMs() {
    return disconnectedWaitMs;
  }

  /** Sets how long a call made while disconnected waits for the link (0 = fail fast). */
  public HomeAssistantOptions setDisconnectedWaitMs(long disconnectedWaitMs) {
    if (disconnectedWaitMs < 0) {
      throw new IllegalArgumentException("disconnected_wait_ms must not be negative");
    }
    this.disconnectedWaitMs = disconnectedWaitMs;
    return this;
  }

  /** Largest WebSocket frame and message accepted. */
  public int getMaxMessageSize() {
    return maxMessageSize;
  }

  /** Sets the largest WebSocket frame and message accepted (at least 64 KiB). */
  public HomeAssistantOptions setMaxMessageSize(int maxMessageSize) {
    if (maxMessageSize < 65_536) {
      throw new IllegalArgumentException("max_message_size must be at least 65536: " + maxMessageSize);
    }
    this.maxMessageSize = maxMessageSize;
    return this;
  }

  /** Interval between liveness pings. */
  public long getPingIntervalMs() {
    return pingIntervalMs;
  }

  /** Sets the interval between liveness pings (positive). */
  public HomeAssistantOptions setPingIntervalMs(long pingIntervalMs) {
    this.pingIntervalMs = positive(pingIntervalMs, "ping_interval_ms");
    return this;
  }

  /** Time a ping has to be answered before the link counts as dropped. */
  public long getPongTimeoutMs() {
    return pongTimeoutMs;
  }

  /** Sets the time a ping has to be answered (positive). */
  public HomeAssistantOptions setPongTimeoutMs(long pongTimeoutMs) {
    this.pongTimeoutMs = positive(pongTimeoutMs, "pong_timeout_ms");
    return this;
  }

  /** Whether service calls and state refreshes use the REST API while the WebSocket is down. */
  public boolean isRestFallback() {
    return restFallback;
  }

  /** Enables or disables the REST fallback. */
  public HomeAssistantOptions setRestFallback(boolean restFallback) {
    this.restFallback = restFallback;
    return this;
  }

  /** Interval between REST state refreshes while the WebSocket is down. */
  public long getRestPollIntervalMs() {
    return restPollIntervalMs;
  }

  /** Sets the interval between REST state refreshes while the WebSocket is down (positive). */
  public HomeAssistantOptions setRestPollIntervalMs(long restPollIntervalMs) {
    this.restPollIntervalMs = positive(restPollIntervalMs, "rest_poll_interval_ms");
    return this;
  }

  /** The JSON form, with the same keys as the JSON constructor; the token is never included. */
  public JsonObject toJson() {
    return new JsonObject().put("url", url).put("call_timeout_ms", callTimeoutMs)
        .put("connect_timeout_ms", connectTimeoutMs).put("initial_backoff_ms", initialBackoffMs)
        .put("max_backoff_ms", maxBackoffMs).put("max_auth_backoff_ms", maxAuthBackoffMs)
        .put("backoff_jitter", backoffJitter)
        .put("disconnected_wait_ms", disconnectedWaitMs).put("max_message_size", maxMessageSize)
        .put("ping_interval_ms", pingIntervalMs).put("pong_timeout_ms", pongTimeoutMs)
        .put("rest_fallback", restFallback).put("rest_poll_interval_ms", restPollIntervalMs);
  }

  @Override
  public String toString() {
    return "HomeAssistantOptions" + toJson().put("token", token == null ? "(none)" : "(set)").encode();
  }

  private static long positive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }
}
