package io.harpou.bridge.vertx.ha;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.event.BridgeEvent;
import io.harpou.bridge.api.event.ComponentStateChanged;
import io.harpou.bridge.api.home.ConnectionState;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class HomeAssistantVerticleTest extends VirtualHomeFixture {

  private final List<ComponentStateChanged> events = new CopyOnWriteArrayList<>();

  private void recordComponentEvents() {
    vertx.eventBus().<JsonObject>consumer(BridgeAddresses.EVENTS, m -> {
      if (BridgeEvent.fromJson(m.body()) instanceof ComponentStateChanged changed) {
        events.add(changed);
      }
    }).completion().await();
  }

  @Test
  void should_connect_from_config_and_publish_connection_states() {
    startHome(new VirtualHomeOptions());
    recordComponentEvents();
    HomeAssistantVerticle verticle = new HomeAssistantVerticle();

    String id = vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(new JsonObject()
        .put("url", home.url()).put("token", home.accessToken()).put("call_timeout_ms", 3_000)
        .put("wait_for_connect", true))).await();

    assertThat(verticle.gateway().connectionState()).isEqualTo(ConnectionState.CONNECTED);
    assertThat(verticle.gateway().state("light.kitchen")).isPresent();
    eventually("connected was published", () -> events.stream().anyMatch(e -> e.state().equals("connected")));
    assertThat(events).allSatisfy(e -> assertThat(e.component()).isEqualTo("home_assistant"));

    vertx.undeploy(id).await();
    eventually("closed was published", () -> events.stream().anyMatch(e -> e.state().equals("closed")));
  }

  @Test
  void should_publish_auth_failed_once_without_the_token() {
    startHome(new VirtualHomeOptions());
    recordComponentEvents();
    HomeAssistantVerticle verticle = new HomeAssistantVerticle();

    vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(new JsonObject()
        .put("url", home.url()).put("token", "not-the-token"))).await();

    eventually("auth_failed was published", () -> events.stream().anyMatch(e -> e.state().equals("auth_failed")));
    assertThat(events).filteredOn(e -> e.state().equals("auth_failed")).singleElement()
        .satisfies(e -> assertThat(e.detail()).doesNotContain("not-the-token"));
  }
}
