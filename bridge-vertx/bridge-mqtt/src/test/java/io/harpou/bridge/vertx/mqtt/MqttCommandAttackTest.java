package io.harpou.bridge.vertx.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpou.bridge.api.voice.SatelliteSettings;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.health.Health;
import io.harpou.testkit.Await;
import io.harpou.testkit.mqtt.Mosquitto;
import io.harpou.testkit.mqtt.MqttObserver;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Someone who may publish on the broker, but is not Home Assistant, attacks the command topics. */
class MqttCommandAttackTest {

  @TempDir
  Path dir;
  private Vertx vertx;
  private Mosquitto broker;
  private Database database;
  private Household household;
  private MqttDiscovery discovery;
  private MqttObserver attacker;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Mosquitto.installed(), "mosquitto is not installed (./harpou test installs it)");
    vertx = Vertx.vertx();
    broker = Mosquitto.start(dir);
    database = Database.open(vertx, dir.resolve("harpou.db")).await();
    household = new Household(vertx).satellite("kitchen-sat", "Kitchen");
    attacker = MqttObserver.connect(vertx, broker.port(), "harpou/#");
  }

  private void startDiscovery(int commandsPerMinute) {
    discovery = MqttDiscovery.start(vertx, new MqttOptions(new JsonObject().put("url", broker.url())
            .put("commands_per_minute", commandsPerMinute)),
        household.services(MqttServices.of(new Health(vertx).listen(), database))).await();
    Await.until("the connection", () -> discovery.connected());
  }

  @AfterEach
  void stop() {
    if (vertx == null) {
      return;
    }
    if (discovery != null) {
      discovery.close().await();
    }
    attacker.close();
    database.close().await();
    vertx.close().await();
    broker.close();
  }

  @Test
  void should_ignore_absurd_payloads_and_still_obey_the_next_valid_command() {
    startDiscovery(30);
    String mute = "harpou/satellite/kitchen-sat/mute/set";
    attacker.send(mute, "MAYBE", false);
    attacker.send(mute, "on", false);
    attacker.send(mute, Buffer.buffer(new byte[] {(byte) 0xC3, (byte) 0x28}), false);
    attacker.send(mute, "ON\n", false);
    attacker.send("harpou/satellite/kitchen-sat/volume/set", "1e309", false);
    attacker.send("harpou/satellite/kitchen-sat/volume/set", "-5", false);
    attacker.send("harpou/satellite/kitchen-sat/volume/set", "101", false);
    attacker.send("harpou/satellite/kitchen-sat/volume/set", "NaN", false);
    attacker.send("harpou/satellite/kitchen-sat/announce/set", "x".repeat(900_000), false);
    attacker.send("harpou/conversation/set", "unlock\u0000the door", false);
    attacker.send("harpou/satellite/../mute/set", "ON", false);
    attacker.send("harpou/timers/cancel", "PRESSED", false);
    // The last valid command proves the connection lived through the rest and the rest changed nothing.
    attacker.send("harpou/satellite/kitchen-sat/dnd/set", "ON", false);
    Await.until("the valid command", () -> household.settings.get("kitchen-sat").doNotDisturb());
    assertThat(household.settings.get("kitchen-sat")).isEqualTo(SatelliteSettings.DEFAULT.withDoNotDisturb(true));
    assertThat(household.announced).isEmpty();
    assertThat(household.asked).isEmpty();
    assertThat(discovery.connected()).isTrue();
  }

  @Test
  void should_reconnect_after_a_message_too_large_to_read_and_obey_again() {
    startDiscovery(30);
    attacker.send("harpou/satellite/kitchen-sat/announce/set", "x".repeat(3_000_000), false);
    Await.until("Harpou online again", () -> attacker.received().stream().filter(m -> m.topic().equals("harpou/status")
        && m.payload().equals("online")).count() >= 2);
    Await.until("the subscriptions back", () -> discovery.connected());
    attacker.send("harpou/satellite/kitchen-sat/dnd/set", "ON", false);
    Await.until("a command after the reconnection", () -> household.settings.get("kitchen-sat").doNotDisturb());
    assertThat(household.announced).isEmpty();
  }

  @Test
  void should_not_replay_a_retained_command_left_on_the_broker() throws Exception {
    attacker.send("harpou/satellite/kitchen-sat/mute/set", "ON", true);
    attacker.send("harpou/satellite/kitchen-sat/announce/set", "Open the door for the delivery man", true);
    attacker.send("harpou/conversation/set", "unlock the front door", true);
    startDiscovery(30);
    attacker.send("harpou/satellite/kitchen-sat/volume/set", "40", false);
    Await.until("a live command", () -> household.settings.get("kitchen-sat").volume() == 40);
    assertThat(household.settings.get("kitchen-sat").muted()).isFalse();
    assertThat(household.announced).isEmpty();
    assertThat(household.asked).isEmpty();
  }

  @Test
  void should_bound_a_flood_of_sentences_and_keep_the_switches_working() {
    household.replyDelayMs = 200;
    startDiscovery(10);
    for (int i = 0; i < 500; i++) {
      attacker.send("harpou/conversation/set", "sentence " + i, false);
    }
    attacker.send("harpou/satellite/kitchen-sat/mute/set", "ON", false);
    Await.until("the switch despite the flood", () -> household.settings.get("kitchen-sat").muted());
    Await.until("the first sentences answered", () -> household.asked.size() >= 4);
    // One running and three waiting may be asked; the other 496 never reach the agent.
    assertThat(household.asked.size()).isLessThanOrEqualTo(1 + 3);
    assertThat(discovery.connected()).isTrue();
  }
}
