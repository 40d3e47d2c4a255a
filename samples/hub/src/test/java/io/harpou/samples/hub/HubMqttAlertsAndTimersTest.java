package io.harpou.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpou.testkit.Await;
import io.harpou.testkit.fs.TmpfsMount;
import io.harpou.testkit.mqtt.Mosquitto;
import io.harpou.testkit.mqtt.MqttObserver;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Home Assistant sees of the hub's monitors and voice timers over a real mosquitto: a real disk filling past the
 * threshold turns the alert's binary sensor and the hub's problem sensor on, and freeing it turns them off; a timer
 * set by speech is counted by the timer entities, and the cancel button ends it in the hub.
 */
class HubMqttAlertsAndTimersTest {

  private final Vertx vertx = Vertx.vertx();
  private Mosquitto broker;
  /** Where Home Assistant stands: subscribed to every topic. */
  private MqttObserver home;
  private TmpfsMount mount;

  @TempDir
  Path dir;

  /** Unmounts what a failed {@code close()} left; a killed run's mounts go at the next mount (see TmpfsMount). */
  @AfterAll
  static void unmountWhatIsLeft() {
    TmpfsMount.closeAll();
  }

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Mosquitto.installed(), "mosquitto is not installed (./harpou test installs it)");
    broker = Mosquitto.start(dir);
    home = MqttObserver.connect(vertx, broker.port(), "#");
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await();
    if (broker != null) {
      broker.close();
    }
    if (mount != null) {
      mount.close();
    }
  }

  private HubHarness hub(JsonObject config) throws Exception {
    HubHarness harness = HubHarness.start(vertx, dir.resolve("data"),
        config.put("mqtt", new JsonObject().put("url", broker.url())), false);
    await(() -> "online".equals(home.latest().get("harpou/status")), "the hub online");
    return harness;
  }

  @Test
  void should_turn_the_alert_sensors_on_when_a_disk_fills_and_off_when_it_is_freed() throws Exception {
    mount = TmpfsMount.mount(dir.resolve("disk"), 4);
    assumeTrue(mount != null, "a tmpfs cannot be mounted here (the test needs root and mount rights)");
    Path disk = mount.point().toRealPath();
    JsonObject monitors = new JsonObject()
        .put("disk", new JsonObject().put("mounts", new JsonArray().add(disk.toString())).put("interval_ms", 200))
        .put("load", new JsonObject().put("enabled", false));
    hub(new JsonObject()
        .put("tools", new JsonObject().put("system", new JsonObject().put("monitors", monitors)))
        .put("monitors", new JsonObject().put("enabled", true).put("repair", new JsonObject().put("enabled", false))));
    await(() -> "OFF".equals(home.latest().get("harpou/hub/problem")), "no problem while the disk has room");

    mount.fill("backup.tar", 3);
    Files.write(disk.resolve("photos.zip"), new byte[700 << 10]);
    await(() -> "ON".equals(home.latest().get("harpou/hub/problem")), "the hub's problem sensor on");
    String config = home.latest().keySet().stream()
        .filter(t -> t.startsWith("homeassistant/binary_sensor/harpou/alert_disk_") && t.endsWith("/config"))
        .findFirst().orElseThrow(() -> new AssertionError("no alert entity in " + home.latest().keySet()));
    JsonObject entity = new JsonObject(home.latest().get(config));
    String stateTopic = entity.getString("stat_t");
    await(() -> "ON".equals(home.latest().get(stateTopic)), "the alert's binary sensor on");
    assertThat(entity.getString("dev_cla")).isEqualTo("problem");
    JsonObject attributes = new JsonObject(home.latest().get(entity.getString("json_attr_t")));
    assertThat(attributes.getString("monitor")).isEqualTo("disk");
    assertThat(attributes.getString("summary")).contains(disk.toString());

    Files.delete(disk.resolve("backup.tar"));
    // A cleared alert's sensor turns off, then goes: Home Assistant keeps no alert that is over.
    await(() -> !home.latest().containsKey(config), "the alert's binary sensor removed once the disk has room");
    assertThat(home.received()).as("the sensor turned off before it went")
        .anyMatch(m -> m.topic().equals(stateTopic) && m.payload().equals("OFF"));
    await(() -> "OFF".equals(home.latest().get("harpou/hub/problem")), "the hub's problem sensor off");
  }

  @Test
  void should_count_a_voice_timer_set_by_speech_and_cancel_it_from_the_button() throws Exception {
    HubHarness harness = hub(new JsonObject());
    await(() -> "0".equals(home.latest().get("harpou/timers/active")), "no timer at first");

    Instant asked = Instant.now();
    home.send("harpou/conversation/set", "set a pasta timer for 8 minutes", false);
    await(() -> "1".equals(home.latest().get("harpou/timers/active")), "the timer counted");
    assertThat(harness.hub.bridge().timers().orElseThrow().list()).singleElement()
        .satisfies(timer -> assertThat(timer.name()).isEqualTo("pasta"));
    Instant next = Instant.parse(home.latest().get("harpou/timers/next"));
    assertThat(next).isBetween(asked.plus(Duration.ofMinutes(7)), Instant.now().plus(Duration.ofMinutes(8)));

    home.send("harpou/timers/cancel", "PRESS", false);
    await(() -> harness.hub.bridge().timers().orElseThrow().list().isEmpty(), "the timer cancelled in the hub");
    await(() -> "0".equals(home.latest().get("harpou/timers/active")), "no timer shown");
    // The count and the next end are two messages; the broker may deliver the count first.
    await(() -> "None".equals(home.latest().get("harpou/timers/next")), "no next end shown");
  }

  /** Waits for what Home Assistant would see, through testkit's one polling helper. */
  private static void await(BooleanSupplier condition, String what) {
    Await.until(what, Duration.ofSeconds(15), condition::getAsBoolean);
  }
}
