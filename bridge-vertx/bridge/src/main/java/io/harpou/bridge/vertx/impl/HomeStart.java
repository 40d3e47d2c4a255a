package io.harpou.bridge.vertx.impl;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.home.ConnectionState;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.harpou.bridge.vertx.ha.HomeAssistantVerticle;
import io.harpou.bridge.vertx.health.Health;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Connects to Home Assistant when a URL is configured. Start-up waits for the first sync up to
 * {@code home_assistant.startup_wait_ms} (10 s) so the agent starts with a known house; a home that is not reachable
 * yet leaves the hub running and reconnecting, reported in {@code /health}.
 *
 * @param gateway the running client
 * @param deployment its verticle's deployment
 */
record HomeStart(HomeGateway gateway, Vertx vertx, String deployment) {

  /** Starts the client when configured; empty when no URL is. */
  static Future<Optional<HomeStart>> start(Vertx vertx, BridgeOptions options, Health health) {
    Optional<HomeAssistantOptions> configured = options.getHomeAssistant();
    if (configured.isEmpty()) {
      health.report(HomeAssistantVerticle.COMPONENT, "not_configured", "set HARPOU_HA_URL and HARPOU_HA_TOKEN");
      return Future.succeededFuture(Optional.empty());
    }
    HomeAssistantOptions home = configured.get();
    Promise<Void> synced = Promise.promise();
    MessageConsumer<JsonObject> watch = vertx.eventBus().localConsumer(BridgeAddresses.EVENTS, m -> {
      JsonObject event = m.body();
      if (HomeAssistantVerticle.COMPONENT.equals(event.getString("component"))) {
        String state = event.getString("state");
        if (ConnectionState.CONNECTED.jsonName().equals(state) || ConnectionState.AUTH_FAILED.jsonName()
            .equals(state)) {
          synced.tryComplete();
        }
      }
    });
    long timer = vertx.setTimer(options.getHomeStartupWaitMs(), t -> synced.tryComplete());
    JsonObject config = home.toJson().put("token", home.getToken()).put("wait_for_connect", false);
    HomeAssistantVerticle verticle = new HomeAssistantVerticle();
    return vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config))
        .compose(id -> synced.future().map(v -> Optional.of(new HomeStart(verticle.gateway(), vertx, id))))
        .eventually(() -> {
          vertx.cancelTimer(timer);
          return watch.unregister();
        });
  }

  /** Disconnects. */
  Future<Void> close() {
    return vertx.deploymentIDs().contains(deployment) ? vertx.undeploy(deployment) : Future.succeededFuture();
  }
}
