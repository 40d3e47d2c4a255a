package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.vertx.http.ApiKeys;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a request through only with a valid API key once keys exist, and within the key's rate. The console's static
 * files are public (they hold no data and must load to ask for the key); the events WebSocket may carry its key as
 * {@code ?token=} or in its first message, because browsers cannot set headers on a WebSocket.
 */
public final class AccessGuard implements Handler<RoutingContext> {

  /** The routing-context key holding the authenticated key's name. */
  public static final String KEY_NAME = "harpou.key";
  /** Set on a WebSocket upgrade that must authenticate with its first message. */
  public static final String AUTH_PENDING = "harpou.auth_pending";

  private static final Logger LOG = LoggerFactory.getLogger(AccessGuard.class);

  /** Where refused requests are written (the audit log); never given the presented credential. */
  @FunctionalInterface
  public interface RefusalLog {
    /** Records one refused request. */
    Future<Void> refused(String remote, String method, String path, String reason);
  }

  private final ApiKeys keys;
  private final RateLimiter limiter;
  private final RefusalLog refusals;

  /** A guard over {@code keys}, allowing each key {@code perMinute} requests a minute (0: no limit). */
  public AccessGuard(ApiKeys keys, int perMinute, RefusalLog refusals) {
    this.keys = keys;
    this.limiter = new RateLimiter(perMinute, System::nanoTime);
    this.refusals = refusals;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (keys.isEmpty() || isConsoleFile(ctx.request().path())) {
      ctx.next();
      return;
    }
    String presented = bearer(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
    boolean upgrade = "/api/events".equals(ctx.request().path())
        && "websocket".equalsIgnoreCase(ctx.request().getHeader(HttpHeaders.UPGRADE));
    if (presented == null && upgrade) {
      presented = ctx.request().getParam("token");
      if (presented == null) {
        ctx.put(AUTH_PENDING, true);
        ctx.next();
        return;
      }
    }
    Optional<String> name = keys.verify(presented);
    if (name.isEmpty()) {
      refuse(ctx, presented == null ? "missing key" : "wrong key");
      return;
    }
    if (!admit(ctx, name.get())) {
      return;
    }
    ctx.put(KEY_NAME, name.get());
    ctx.next();
  }

  /** Checks a key presented in a WebSocket's first message; the name when valid and within its rate. */
  public Optional<String> verifyLate(String presented, String remote) {
    Optional<String> name = keys.verify(presented);
    if (name.isEmpty()) {
      record(remote, "GET", "/api/events", presented == null ? "missing key" : "wrong key");
      return name;
    }
    return limiter.acquire(name.get()) == 0 ? name : Optional.empty();
  }

  private boolean admit(RoutingContext ctx, String name) {
    long retryAfter = limiter.acquire(name);
    if (retryAfter == 0) {
      return true;
    }
    ctx.response().putHeader("retry-after", Long.toString(retryAfter));
    new ApiError(429, "rate_limited", "too many requests; retry in " + retryAfter + " s").send(ctx);
    return false;
  }

  private void refuse(RoutingContext ctx, String reason) {
    record(ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress(),
        ctx.request().method().name(), ctx.request().path(), reason);
    ctx.response().putHeader("www-authenticate", "Bearer");
    new ApiError(401, "unauthorized", "a valid API key is required").send(ctx);
  }

  private void record(String remote, String method, String path, String reason) {
    refusals.refused(remote, method, path, reason)
        .onFailure(e -> LOG.warn("Could not record a refused request: {}", e.getMessage()));
  }

  static boolean isConsoleFile(String path) {
    return path.equals("/") || path.equals("/index.html") || path.startsWith("/console/");
  }

  static String bearer(String header) {
    if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? null : token;
  }
}
