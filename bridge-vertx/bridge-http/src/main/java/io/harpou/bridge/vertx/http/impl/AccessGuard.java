package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.http.ApiKeys;
import io.harpou.bridge.vertx.http.ArtifactLinks;
import io.harpou.bridge.vertx.http.HttpApiOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * The one door every request passes, before any route, deciding on the path the router will serve
 * ({@link RoutingContext#normalizedPath()}). In order: the Host must name this hub and a browser's Origin must be the
 * hub's own (or allowed), so no other site, port or rebound DNS name can act, read or subscribe; the console's static
 * files are then public. Everything else needs one of: a valid API key ({@code Authorization: Bearer}), rate limited
 * per key (commands and reads each with their own allowance, MCP's paths in a bucket of their own, see
 * {@link #isMcp}); the console token, from this machine only; or nothing, for a program on this machine that is not a
 * browser, while no key exists (and for {@code GET /health} and {@code GET /metrics} always). A peer is "this
 * machine" when it connects from a loopback address without proxy headers. The events and voice WebSockets may
 * instead present their credential as {@code ?token=} or in their first message, since browsers cannot set headers on
 * a WebSocket. A GET of one artifact may instead carry a signed link ({@link ArtifactLinks}), which opens that
 * artifact alone until it expires.
 */
public final class AccessGuard implements Handler<RoutingContext> {

  /** The routing-context key holding the authenticated key's name. */
  public static final String KEY_NAME = "harpou.key";
  /** The routing-context key holding an events WebSocket upgrade's {@link Access}. */
  static final String ACCESS = "harpou.access";

  /** Reads a key may make for each command it may send: panels refresh far more often than people act. */
  static final int READS_PER_COMMAND = 10;
  private static final List<String> PROXY_HEADERS = List.of("forwarded", "x-forwarded-for", "x-real-ip");
  private static final Access LOCAL_PROGRAM = new Access(Access.Kind.LOCAL, null, null, true, false);
  private static final String ARTIFACT_PATH = "/api/artifacts/";

  private final ApiKeys keys;
  private final byte[] consoleToken;
  private final Origins origins;
  private final RateLimiter perKey;
  private final RateLimiter readsPerKey;
  private final RateLimiter mcpPerKey;
  private final Refusals refusals;
  private final ArtifactLinks links;

  private AccessGuard(ApiKeys keys, String consoleToken, Origins origins, RateLimiter perKey,
                      RateLimiter readsPerKey, RateLimiter mcpPerKey, Refusals refusals, ArtifactLinks links) {
    this.keys = keys;
    this.links = links;
    this.consoleToken = consoleToken.getBytes(StandardCharsets.UTF_8);
    this.origins = origins;
    this.perKey = perKey;
    this.readsPerKey = readsPerKey;
    this.mcpPerKey = mcpPerKey;
    this.refusals = refusals;
  }

  /**
   * A guard over {@code keys} and the console token, answering the hosts and origins {@code options} allow (with
   * {@code localAddresses}, this machine's interface addresses, on a wildcard bind), accepting artifact links signed
   * by {@code links}, and auditing refusals to {@code audit}. Create it on the serving verticle's context.
   */
  public static AccessGuard create(Vertx vertx, HttpApiOptions options, ApiKeys keys, String consoleToken,
                                   ArtifactLinks links, List<String> localAddresses, AuditLog audit) {
    Origins origins = new Origins(options.getHost(), localAddresses, options.getAllowedHosts(),
        options.getAllowedOrigins());
    return new AccessGuard(keys, consoleToken, origins,
        new RateLimiter(options.getRateLimitPerMinute(), 10_000, System::nanoTime),
        new RateLimiter(options.getRateLimitPerMinute() * READS_PER_COMMAND, 10_000, System::nanoTime),
        new RateLimiter(options.getMcpRateLimitPerMinute(), 10_000, System::nanoTime),
        new Refusals(vertx, audit, options.getRefusalsPerMinute()), links);
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String path = ctx.normalizedPath();
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    String site = request.getHeader("sec-fetch-site");
    boolean consoleFile = request.method() == HttpMethod.GET && isConsoleFile(path);
    if (refusedAsForeign(ctx, origin, site, consoleFile)) {
      return;
    }
    if (consoleFile) {
      ctx.next();
      return;
    }
    if (request.method() == HttpMethod.GET && path.startsWith(ARTIFACT_PATH) && request.getParam("sig") != null) {
      admitLink(ctx, path.substring(ARTIFACT_PATH.length()));
      return;
    }
    boolean local = isLocal(request);
    boolean browser = origin != null || (site != null && !site.equalsIgnoreCase("none"));
    String presented = bearer(request.getHeader(HttpHeaders.AUTHORIZATION));
    boolean upgrade = (path.equals("/api/events") || path.equals(VoiceSocket.PATH))
        && "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
    if (presented == null && upgrade) {
      presented = request.getParam("token");
    }
    boolean probe = request.method() == HttpMethod.GET && (path.equals("/health") || path.equals("/metrics"));
    Access access = admit(presented, local, browser, probe);
    if (access == null && upgrade && presented == null) {
      access = new Access(Access.Kind.PENDING, null, null, local, browser);
    }
    if (access == null) {
      refusals.refuse(ctx, unauthorized(local, browser), presented == null ? "missing key" : "wrong key");
      return;
    }
    if (access.kind() == Access.Kind.KEY && !withinRate(ctx, limiterFor(path, request.method()), access.keyName())) {
      return;
    }
    if (upgrade) {
      ctx.put(ACCESS, access);
    }
    if (access.kind() == Access.Kind.KEY) {
      ctx.put(KEY_NAME, access.keyName());
    }
    ctx.next();
  }

  /** Lets a signed link through to its one artifact, or refuses it: a link is judged alone, whatever else is sent. */
  private void admitLink(RoutingContext ctx, String id) {
    HttpServerRequest request = ctx.request();
    if (links.verify(id, request.getParam("exp"), request.getParam("sig"))) {
      ctx.next();
    } else {
      refusals.refuse(ctx, new ApiError(403, "link_invalid", "this artifact link is invalid or has expired; ask for "
          + "a new one"), "invalid artifact link");
    }
  }

  /** Refuses (and returns true for) a request to another host name, or that a browser sends for another page. */
  private boolean refusedAsForeign(RoutingContext ctx, String origin, String site, boolean consoleFile) {
    String host = ctx.request().getHeader(HttpHeaders.HOST);
    if (!origins.hostAllowed(host)) {
      String name = shorten(String.valueOf(Origins.hostOf(host)));
      refusals.refuse(ctx, new ApiError(403, "host_not_allowed", "this hub does not answer to the host name '"
          + name + "'; add it to http.allowed_hosts if it is this hub's"), "host not allowed: " + name);
      return true;
    }
    // Without an Origin, only the browser's fetch metadata tells a foreign page's image or script load; a link to
    // the console from another site may still open it.
    if (origin != null ? !origins.originAllowed(origin, host) : !consoleFile && crossSite(site)) {
      refusals.refuse(ctx, new ApiError(403, "origin_not_allowed", "requests from other web pages are refused"),
          "foreign origin: " + shorten(origin == null ? site : origin));
      return true;
    }
    return false;
  }

  /**
   * Judges a credential sent in the first message of the WebSocket at {@code path}; the access when valid and within
   * its rate. A refusal is audited under that path.
   */
  Optional<Access> admitLate(Access pending, String presented, String remote, String path) {
    Access access = presented == null ? null : admit(presented, pending.local(), pending.browser(), false);
    if (access == null) {
      refusals.count(remote, "GET", path, presented == null ? "missing key" : "wrong key");
      return Optional.empty();
    }
    boolean allowed = access.kind() != Access.Kind.KEY || readsPerKey.acquire(access.keyName()) == 0;
    return allowed ? Optional.of(access) : Optional.empty();
  }

  /** True while what admitted a connection still would: its key exists, or no key exists for a local program. */
  boolean stillAdmits(Access access) {
    return switch (access.kind()) {
      case PENDING, CONSOLE -> true;
      case KEY -> keys.verify(access.credential()).filter(access.keyName()::equals).isPresent();
      case LOCAL -> keys.isEmpty();
    };
  }

  /** Writes the refusals still counted; call when the API stops. */
  public Future<Void> close() {
    return refusals.close();
  }

  private Access admit(String presented, boolean local, boolean browser, boolean probe) {
    if (presented != null) {
      if (local && MessageDigest.isEqual(consoleToken, presented.getBytes(StandardCharsets.UTF_8))) {
        return new Access(Access.Kind.CONSOLE, null, null, true, browser);
      }
      Optional<String> name = keys.verify(presented);
      if (name.isPresent()) {
        return new Access(Access.Kind.KEY, name.get(), presented, local, browser);
      }
    }
    // A program on this machine is trusted while there are no keys; a placeholder key it sends (OpenAI clients
    // insist on one) changes nothing. A browser is never trusted for being local: any page can make it send.
    if (local && !browser && (keys.isEmpty() || (probe && presented == null))) {
      return LOCAL_PROGRAM;
    }
    return null;
  }

  private ApiError unauthorized(boolean local, boolean browser) {
    if (!local && keys.isEmpty()) {
      return new ApiError(401, "unauthorized", "this hub has no API key, so it only answers programs on its own "
          + "machine; create a key with 'harpou keys create NAME'");
    }
    if (local && browser) {
      return new ApiError(401, "unauthorized", "open the console through the link Harpou printed when it started "
          + "(it carries the console token), or give an API key");
    }
    return new ApiError(401, "unauthorized", "a valid API key is required");
  }

  /**
   * True for MCP's paths ({@code /mcp}, {@code /mcp/sse}, {@code /mcp/message}). An MCP client spends several
   * requests on one tool call (Home Assistant's opens a session for each: initialize, initialized, the call, the
   * close), so MCP has a bucket of its own per key: the API's allowance would starve it, and a flood of MCP requests
   * leaves the key's API allowance untouched, and the other way round.
   */
  static boolean isMcp(String path) {
    return path.equals("/mcp") || path.startsWith("/mcp/");
  }

  /**
   * The allowance a request takes from: MCP's own, else a read (GET) from the key's reads and anything else from its
   * commands, so a console that refreshes its panels after each command never uses up the commands it may send.
   */
  private RateLimiter limiterFor(String path, HttpMethod method) {
    if (isMcp(path)) {
      return mcpPerKey;
    }
    return method == HttpMethod.GET ? readsPerKey : perKey;
  }

  private boolean withinRate(RoutingContext ctx, RateLimiter limiter, String name) {
    long retryAfter = limiter.acquire(name);
    if (retryAfter == 0) {
      return true;
    }
    ctx.response().putHeader("retry-after", Long.toString(retryAfter));
    new ApiError(429, "rate_limited", "too many requests; retry in " + retryAfter + " s").send(ctx);
    return false;
  }

  /** The peer's address, or null. */
  static String remote(HttpServerRequest request) {
    return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
  }

  /** True when the peer is this machine: a loopback address, and no proxy says it relays someone else. */
  static boolean isLocal(HttpServerRequest request) {
    String address = remote(request);
    if (address == null || !(address.startsWith("127.") || address.equals("0:0:0:0:0:0:0:1")
        || address.equals("::1") || address.startsWith("::ffff:127."))) {
      return false;
    }
    for (String header : PROXY_HEADERS) {
      if (request.headers().contains(header)) {
        return false;
      }
    }
    return true;
  }

  private static String shorten(String text) {
    return text.length() > 100 ? text.substring(0, 100) : text;
  }

  private static boolean crossSite(String site) {
    return "cross-site".equalsIgnoreCase(site) || "same-site".equalsIgnoreCase(site);
  }

  /** The console's static files, and the icon browsers fetch by themselves: public, they hold no data. */
  static boolean isConsoleFile(String path) {
    return path.equals("/") || path.equals("/index.html") || path.startsWith("/console/") || path.equals("/console")
        || path.equals("/favicon.ico");
  }

  static String bearer(String header) {
    if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? null : token;
  }
}
