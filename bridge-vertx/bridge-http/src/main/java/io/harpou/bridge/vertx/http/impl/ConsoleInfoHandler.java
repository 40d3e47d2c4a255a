package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.vertx.http.HttpApiServices;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * {@code GET /api/console}: what the console needs to know of this hub beyond its data: the version of Harpou, and how
 * long a confirmation question waits for its "yes" (so the console can count it down).
 */
public final class ConsoleInfoHandler {

  /** The version of Harpou this module was built as, or "unknown" outside a Maven build. */
  public static final String VERSION = readVersion();

  private final HttpApiServices bridge;

  /** A handler describing this bridge. */
  public ConsoleInfoHandler(HttpApiServices bridge) {
    this.bridge = bridge;
  }

  /** Adds the route. */
  public void mount(Router router) {
    router.get("/api/console").handler(this::info);
  }

  private void info(RoutingContext ctx) {
    Requests.json(ctx, new JsonObject().put("version", VERSION)
        .put("confirmation_timeout_ms", bridge.confirmationTimeout().toMillis())
        .put("voice", bridge.satelliteLines().isPresent()));
  }

  private static String readVersion() {
    try (InputStream in = HttpApiServices.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
