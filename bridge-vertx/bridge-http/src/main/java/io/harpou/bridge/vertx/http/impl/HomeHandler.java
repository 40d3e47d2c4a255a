package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.home.HomeOverview;
import io.harpou.bridge.vertx.http.HttpApiServices;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/home}: the house by area, each with its visible entities and their live states, for the console
 * ({@link HomeOverview}).
 */
public final class HomeHandler {

  private final HttpApiServices bridge;

  /** A handler over the bridge's home gateway. */
  public HomeHandler(HttpApiServices bridge) {
    this.bridge = bridge;
  }

  /** Adds the route. */
  public void mount(Router router) {
    router.get("/api/home").handler(this::home);
  }

  private void home(RoutingContext ctx) {
    HomeGateway home = bridge.home().orElseThrow(() -> ApiError.unavailable("Home Assistant"));
    Requests.json(ctx, HomeOverview.describe(home));
  }
}
