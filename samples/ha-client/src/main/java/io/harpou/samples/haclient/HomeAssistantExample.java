package io.harpou.samples.haclient;

import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.home.Target;
import io.harpou.bridge.vertx.ha.HomeAssistantClient;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Uses Harpou's Home Assistant client alone: no agent, no database, no models. */
public final class HomeAssistantExample {

  private HomeAssistantExample() {
  }

  // tag::ha-client[]
  /** Connects to Home Assistant, turns a light on, and returns the state Home Assistant reports. */
  public static Future<String> turnOn(Vertx vertx, String url, String token, String light) {
    HomeAssistantClient home = HomeAssistantClient.create(vertx, new HomeAssistantOptions()
        .setUrl(url)
        .setToken(token));
    return home.connect()
        .compose(connected -> home.callService(ServiceCall.of("light", "turn_on", Target.entities(light))))
        .compose(done -> home.fetchState(light))
        .map(state -> state.map(s -> s.state()).orElse("unknown"))
        .eventually(home::close);
  }
  // end::ha-client[]
}
