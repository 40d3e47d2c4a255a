package io.harpou.bridge.vertx.http.impl;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The web console: static files from the class path under {@code /console/}, {@code /} redirecting there, its icon
 * at {@code /favicon.ico}, and the
 * security headers every response carries (a strict Content-Security-Policy: only this origin's scripts, styles and
 * connections, no inline code, no framing).
 */
public final class ConsoleHandler {

  /** The class-path folder holding the console. */
  public static final String ROOT = "io/harpou/bridge/vertx/http/console";
  /** The policy sent with every response. */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; "
      + "frame-ancestors 'none'";

  private ConsoleHandler() {
  }

  /** The handler adding security headers; mount it first. */
  public static Handler<RoutingContext> securityHeaders() {
    return ctx -> {
      ctx.response().headers()
          .set("content-security-policy", CONTENT_SECURITY_POLICY)
          .set("x-content-type-options", "nosniff")
          .set("referrer-policy", "no-referrer")
          .set("x-frame-options", "DENY");
      ctx.next();
    };
  }

  /** Adds the console routes. */
  public static void mount(Router router) {
    router.get("/").handler(ctx -> ctx.redirect("/console/"));
    router.get("/index.html").handler(ctx -> ctx.redirect("/console/"));
    // Browsers and bookmark tools ask the site's root for its icon, whatever the page declares.
    router.get("/favicon.ico").handler(ctx -> ctx.response().putHeader("content-type", "image/x-icon")
        .sendFile(ROOT + "/favicon.ico"));
    router.get("/console/*").handler(StaticHandler.create(ROOT).setIndexPage("index.html")
        .setCachingEnabled(false).setDirectoryListing(false));
  }
}
