package io.harpou.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpou.testkit.Await;
import io.harpou.testkit.mqtt.Mosquitto;
import io.harpou.testkit.mqtt.MqttObserver;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub inside Home Assistant over a real mosquitto: the conversation text entity turns on a light in the virtual
 * home, but anyone who may publish on the broker cannot unlock the front door through it; and a hub without an
 * {@code mqtt} section publishes nothing.
 */
class HubMqttTest {

  private final Vertx vertx = Vertx.vertx();
  private Mosquitto broker;
  /** Where Home Assistant stands: subscribed to every topic. */
  private MqttObserver home;

  @TempDir
  Path dir;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Mosquitto.installed(), "mosquitto is not installed (./harpou test installs it)");
    broker = Mosquitto.start(dir);
    home = MqttObserver.connect(vertx, broker.port(), "#");
  }

  @AfterEach
  void stop() {
    vertx.close().await();
    if (broker != null) {
      broker.close();
    }
  }

  private HubHarness hub(boolean mqtt) {
    JsonObject config = mqtt ? new JsonObject().put("mqtt", new JsonObject().put("url", broker.url())) : new JsonObject();
    return HubHarness.start(vertx, dir.resolve("data"), config, false);
  }

  private String say(String sentence) throws Exception {
    home.latest().remove("harpou/conversation");
    home.send("harpou/conversation/set", sentence, false);
    await(() -> home.latest().containsKey("harpou/conversation"), "the reply to " + sentence);
    return home.latest().get("harpou/conversation");
  }

  @Test
  void should_turn_on_a_light_from_the_conversation_entity() throws Exception {
    HubHarness harness = hub(true);
    await(() -> "online".equals(home.latest().get("harpou/status")) && harness.hub.bridge().health().toJson()
        .getJsonObject("components").getJsonObject("mqtt").getString("state").equals("connected"), "the hub online");
    assertThat(harness.state("light.kitchen")).isEqualTo("off");
    String reply = say("turn on the kitchen light");
    assertThat(reply).containsIgnoringCase("kitchen");
    assertThat(harness.state("light.kitchen")).isEqualTo("on");
    assertThat(home.latest()).containsKey("homeassistant/text/harpou/conversation/config");
  }

  @Test
  void should_not_unlock_the_front_door_for_whoever_publishes_on_the_broker() throws Exception {
    HubHarness harness = hub(true);
    await(() -> harness.hub.bridge().health().toJson().getJsonObject("components").getJsonObject("mqtt")
        .getString("state").equals("connected"), "the hub connected");
    String reply = say("unlock the front door");
    assertThat(reply).contains("can't do that from this device");
    say("yes");
    Thread.sleep(300);
    assertThat(harness.state("lock.front_door")).isEqualTo("locked");
  }

  @Test
  void should_publish_nothing_when_mqtt_is_not_configured() throws Exception {
    HubHarness harness = hub(false);
    Thread.sleep(1_000);
    assertThat(home.received()).isEmpty();
    assertThat(harness.hub.bridge().health().toJson().getJsonObject("components").containsKey("mqtt")).isFalse();
  }

  /** Waits for what a household would see, generously: the hub answers through the broker on a busy machine too. */
  private static void await(BooleanSupplier condition, String what) {
    Await.until(what, Duration.ofSeconds(30), condition::getAsBoolean);
  }
}
