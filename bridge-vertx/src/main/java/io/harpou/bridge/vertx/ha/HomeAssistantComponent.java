package io.harpou.bridge.vertx.ha;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.home.ConnectionState;
import io.harpou.bridge.vertx.BridgeComponent;
import io.harpou.bridge.vertx.BridgeContext;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

/**
 * Connects to Home Assistant when {@code home_assistant.url} is configured and publishes the gateway. Start-up waits
 * for the first sync up to {@code startup_wait_ms} (default 10 s) so the agent starts with a known house; a home that
 * is not reachable yet leaves the hub running and reconnecting, reported in {@code /health}.
 */
public final class HomeAssistantComponent implements BridgeComponent {

  private static final long DEFAULT_STARTUP_WAIT_MS = 10_000;

  @Override
  public String name() {
    return HomeAssistantVerticle.COMPONENT;
  }

  @Override
  public Future<Void> start(BridgeContext context) {
    JsonObject config = context.options().section("home_assistant");
    if (config.getString("url") == null) {
      context.health().report(name(), "not_configured", "set HARPOU_HA_URL and HARPOU_HA_TOKEN");
      return Future.succeededFuture();
    }
    Promise<Void> synced = Promise.promise();
    MessageConsumer<JsonObject> watch = context.vertx().eventBus().localConsumer(BridgeAddresses.EVENTS, m -> {
      JsonObject event = m.body();
      if (name().equals(event.getString("component"))) {
        String state = event.getString("state");
        if (ConnectionState.CONNECTED.jsonName().equals(state) || ConnectionState.AUTH_FAILED.jsonName()
            .equals(state)) {
          synced.tryComplete();
        }
      }
    });
    long timer = context.vertx().setTimer(config.getLong("startup_wait_ms", DEFAULT_STARTUP_WAIT_MS),
        t -> synced.tryComplete());
    HomeAssistantVerticle verticle = new HomeAssistantVerticle();
    return context.deploy(verticle, new DeploymentOptions().setConfig(config.copy().put("wait_for_connect", false)))
        .compose(id -> {
          context.home(verticle.gateway());
          return synced.future();
        })
        .eventually(() -> {
          context.vertx().cancelTimer(timer);
          return watch.unregister();
        });
  }
}
