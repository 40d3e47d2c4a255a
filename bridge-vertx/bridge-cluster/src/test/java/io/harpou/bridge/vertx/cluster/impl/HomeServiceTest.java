package io.harpou.bridge.vertx.cluster.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.vertx.ha.HomeAssistantVerticle;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The home node's door on the event bus: a request it cannot read is answered with {@code invalid_format} and
 * reaches Home Assistant not at all, and the service keeps answering the next request.
 */
class HomeServiceTest {

  private final Vertx vertx = Vertx.vertx();
  private VirtualHomeAssistant home;
  private HomeService service;

  @BeforeEach
  void start() {
    home = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions()).start().await();
    HomeAssistantVerticle client = new HomeAssistantVerticle();
    JsonObject config = new JsonObject().put("url", home.url()).put("token", home.accessToken())
        .put("wait_for_connect", true);
    vertx.deployVerticle(client, new DeploymentOptions().setConfig(config)).await();
    service = new HomeService(client.gateway());
    service.start(vertx).await();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private JsonObject ask(JsonObject request) {
    return vertx.eventBus().<JsonObject>request(BridgeAddresses.HOME_CALL, request).await().body();
  }

  @Test
  void should_refuse_malformed_requests_without_calling_home_assistant() {
    JsonObject noCall = ask(new JsonObject().put("op", "call_service"));
    JsonObject wrongCall = ask(new JsonObject().put("op", "call_service").put("call", "light.turn_on kitchen"));
    JsonObject unknown = ask(new JsonObject().put("op", "drop_everything"));

    assertThat(noCall.getJsonObject("error").getString("code")).isEqualTo("invalid_format");
    assertThat(wrongCall.getJsonObject("error").getString("code")).isEqualTo("invalid_format");
    assertThat(unknown.getJsonObject("error").getString("message")).contains("drop_everything");
    assertThat(home.calls()).isEmpty();

    JsonObject call = new JsonObject().put("domain", "light").put("service", "turn_on")
        .put("target", new JsonObject().put("entity_id", "light.kitchen"));
    JsonObject done = ask(new JsonObject().put("op", "call_service").put("call", call));
    assertThat(done.containsKey("error")).as("%s", done).isFalse();
    assertThat(home.state("light.kitchen").getString("state")).isEqualTo("on");
  }
}
