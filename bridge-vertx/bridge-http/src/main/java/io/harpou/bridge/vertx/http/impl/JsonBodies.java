package io.harpou.bridge.vertx.http.impl;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * Accepts request bodies of POST and PUT only as {@code application/json}, before anything reads them: every other
 * type gets 415. HTML forms and cross-site "simple" requests can only send other types, and no body parser ever
 * sees a form.
 */
public final class JsonBodies implements Handler<RoutingContext> {

  @Override
  public void handle(RoutingContext ctx) {
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!media.equals("application/json")) {
      new ApiError(415, "unsupported_media_type", "send the body as application/json"
          + (type == null ? "" : ", not " + (media.length() > 100 ? media.substring(0, 100) : media))).send(ctx);
      return;
    }
    ctx.next();
  }
}
