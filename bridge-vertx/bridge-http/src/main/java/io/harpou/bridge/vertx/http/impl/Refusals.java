package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.vertx.audit.AuditEntry;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers refused requests and audits them without letting a flood fill the database. Each client address is
 * answered {@code perMinute} refusals a minute, then 429 with {@code Retry-After}. Its first refusal of a kind (a
 * missing or wrong key, a foreign host or origin) in a minute is written at once (tool {@code http_api}, outcome
 * {@code denied}); the rest of that minute are counted and written as one row with their {@code count} when the
 * minute ends or the API stops: at most two rows per address and kind a minute.
 * Used from the serving verticle's event loop.
 */
final class Refusals {

  /** The tool name under which refused HTTP requests are audited. */
  static final String TOOL = "http_api";

  private static final Logger LOG = LoggerFactory.getLogger(Refusals.class);
  private static final long WINDOW_MS = 60_000;
  /** Addresses and kinds tracked per minute; refusals beyond are counted together, under {@link #OTHERS}. */
  private static final int MAX_ADDRESSES = 1024;
  private static final String OTHERS = "other addresses";

  private final Vertx vertx;
  private final AuditLog audit;
  private final RateLimiter limiter;
  private final Map<String, Tally> window = new LinkedHashMap<>();
  private final long timer;

  Refusals(Vertx vertx, AuditLog audit, int perMinute) {
    this.vertx = vertx;
    this.audit = audit;
    this.limiter = new RateLimiter(perMinute, MAX_ADDRESSES * 8, System::nanoTime);
    this.timer = vertx.setPeriodic(WINDOW_MS, id -> flush());
  }

  /** Refuses a request: answers {@code error} (or 429 once its address spent its minute) and audits it. */
  void refuse(RoutingContext ctx, ApiError error, String reason) {
    String address = AccessGuard.remote(ctx.request());
    count(address, ctx.request().method().name(), ctx.normalizedPath(), reason);
    long retryAfter = limiter.acquire(address == null ? "" : address);
    if (retryAfter > 0) {
      ctx.response().putHeader("retry-after", Long.toString(retryAfter));
      new ApiError(429, "rate_limited", "too many refused requests; retry in " + retryAfter + " s").send(ctx);
      return;
    }
    if (error.status() == 401) {
      ctx.response().putHeader("www-authenticate", "Bearer");
    }
    error.send(ctx);
  }

  /**
   * Audits a refusal that is answered elsewhere (a WebSocket closed for a wrong key in its first message).
   * {@code reason} starts with its kind, before any colon.
   */
  void count(String address, String method, String path, String reason) {
    String remote = address == null ? "unknown" : address;
    String key = remote + " " + reason.split(":", 2)[0];
    if (!window.containsKey(key) && window.size() >= MAX_ADDRESSES) {
      remote = OTHERS;
      key = OTHERS;
    }
    Tally tally = window.get(key);
    if (tally == null) {
      window.put(key, new Tally(remote));
      write(remote, method, path, reason, 1);
    } else {
      tally.more(method, path, reason);
    }
  }

  /** Stops the minute timer and writes what is counted; the Future completes once it is stored. */
  Future<Void> close() {
    vertx.cancelTimer(timer);
    return flush();
  }

  private Future<Void> flush() {
    List<Future<Void>> writes = new ArrayList<>();
    window.values().forEach(tally -> {
      if (tally.count > 0) {
        writes.add(write(tally.remote, tally.method, tally.path, tally.reason, tally.count));
      }
    });
    window.clear();
    limiter.forgetIdle();
    return Future.join(writes).mapEmpty();
  }

  private Future<Void> write(String address, String method, String path, String reason, int count) {
    JsonObject arguments = new JsonObject().put("remote", address).put("method", method)
        .put("path", path.length() > 200 ? path.substring(0, 200) : path).put("count", count);
    String detail = count == 1 ? reason : count + " more refused requests in the minute, the last: " + reason;
    return audit.record(new AuditEntry(Instant.now(), null, "http", null, null, TOOL, arguments, "protected",
            "denied", 0, detail))
        .onFailure(e -> LOG.warn("Could not record refused requests: {}", e.getMessage()));
  }

  /** The refusals after the first of a kind from one address in the current minute, and the last one's request. */
  private static final class Tally {
    private final String remote;
    private int count;
    private String method;
    private String path;
    private String reason;

    Tally(String remote) {
      this.remote = remote;
    }

    void more(String method, String path, String reason) {
      count++;
      this.method = method;
      this.path = path;
      this.reason = reason;
    }
  }
}
