package io.harpou.bridge.vertx.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.harpou.bridge.vertx.http.HttpApiOptions;
import io.harpou.bridge.vertx.memory.MemoryOptions;
import io.harpou.bridge.vertx.rules.NotificationOptions;
import io.harpou.testkit.ha.RecordedServiceCall;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.harpou.wyoming.WyomingEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A household told what matters, end to end: the virtual home changes, the kitchen's satellite speaks, Home Assistant
 * shows the notification; "tell me when the coffee machine is done" makes a rule that speaks once; and a rule sent to
 * the API can choose what is said, never which service Harpou calls.
 */
class RuleAnnouncementTest {

  private final Vertx vertx = Vertx.vertx();
  @TempDir
  Path dataDir;
  private VirtualHomeAssistant home;
  private FakeSatellite kitchen;
  private Bridge bridge;
  private WebClient web;

  @BeforeEach
  void start() throws Exception {
    home = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions()).start().await();
    home.setState("binary_sensor.kitchen_motion", "on");
    kitchen = new FakeSatellite(vertx, "Kitchen");
    JsonObject doorLeftOpen = new JsonObject().put("id", "front_door_open")
        .put("when", new JsonObject().put("entity_id", "binary_sensor.front_door_contact").put("state", "on")
            .put("for_seconds", 1))
        .put("say", "The front door has been left open.");
    BridgeOptions options = new BridgeOptions().setDataDir(dataDir).setMonitorsEnabled(false)
        .setHttp(new HttpApiOptions().setHost("127.0.0.1").setPort(0))
        .setHomeAssistant(new HomeAssistantOptions().setUrl(home.url()).setToken(home.accessToken()))
        .setMemory(new MemoryOptions().setEnabled(false))
        .setVoice(new VoiceOptions().setHost("127.0.0.1").setPort(0)
            .setSatellites(List.of(kitchen.config("kitchen", "kitchen-sat"))))
        .setNotifications(new NotificationOptions(new JsonObject().put("rules", new JsonArray().add(doorLeftOpen))));
    bridge = Bridge.create(vertx, options).start().await();
    kitchen.awaitRunning();
    web = WebClient.create(vertx);
  }

  @AfterEach
  void stop() {
    bridge.close().await();
    kitchen.close();
    home.close().await();
    vertx.close().await();
  }

  private String notificationMessages() {
    return home.notifications().stream().map(n -> n.getString("message")).toList().toString();
  }

  @Test
  void should_say_a_door_left_open_on_the_kitchen_satellite_and_in_home_assistant() throws Exception {
    home.setState("binary_sensor.front_door_contact", "on");
    WyomingEvent start = kitchen.expect("audio-start");
    assertThat(start.data().getInteger("rate")).isPositive();
    assertThat(kitchen.until("audio-stop").stream().filter(e -> e.type().equals("audio-chunk")).count())
        .as("the sentence's audio").isGreaterThan(1);
    await(() -> notificationMessages().contains("The front door has been left open."), "the notification");
  }

  @Test
  void should_tell_once_when_the_coffee_machine_is_done_after_being_asked() throws Exception {
    home.setState("switch.coffee_machine", "on");
    HttpResponse<Buffer> asked = web.post(bridge.httpPort(), "127.0.0.1", "/api/conversation/process")
        .sendJsonObject(new JsonObject().put("text", "tell me when the coffee machine is done")).await();
    assertThat(asked.bodyAsJsonObject().encode()).contains("I'll tell you when Coffee machine is done.");
    kitchen.drain();
    home.setState("switch.coffee_machine", "off");
    kitchen.expect("audio-start");
    kitchen.until("audio-stop");
    await(() -> notificationMessages().contains("Coffee machine is done."), "the notification");
    home.setState("switch.coffee_machine", "on");
    home.setState("switch.coffee_machine", "off");
    Thread.sleep(1_000);
    assertThat(kitchen.drain()).noneMatch(e -> e.type().equals("audio-start"));
  }

  @Test
  void should_not_let_a_rule_from_the_api_choose_the_service_harpou_calls() throws Exception {
    JsonObject attack = new JsonObject().put("id", "sneaky").put("origin", "configuration")
        .put("home_assistant_service", "lock.unlock").put("service", "lock.unlock")
        .put("target", new JsonObject().put("entity_id", "lock.front_door"))
        .put("when", new JsonObject().put("entity_id", "binary_sensor.hallway_motion").put("state", "on"))
        .put("say", "Someone is in the hallway.");
    HttpResponse<Buffer> created = web.post(bridge.httpPort(), "127.0.0.1", "/api/rules").sendJsonObject(attack)
        .await();
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    assertThat(created.bodyAsJsonObject().getJsonObject("rule").getString("origin")).isEqualTo("api");
    home.setState("binary_sensor.hallway_motion", "on");
    await(() -> notificationMessages().contains("Someone is in the hallway."), "the notification");
    Thread.sleep(500);
    assertThat(home.state("lock.front_door").getString("state")).isEqualTo("locked");
    assertThat(home.calls()).extracting(RecordedServiceCall::domain).containsOnly("persistent_notification");
    HttpResponse<Buffer> removed = web.delete(bridge.httpPort(), "127.0.0.1", "/api/rules/sneaky").send().await();
    assertThat(removed.statusCode()).isEqualTo(200);
  }

  @Test
  void should_refuse_a_rule_from_another_sites_page() {
    HttpResponse<Buffer> refused = web.post(bridge.httpPort(), "127.0.0.1", "/api/rules")
        .putHeader("Origin", "http://evil.example").sendJsonObject(new JsonObject().put("id", "evil")
            .put("when", new JsonObject().put("entity_id", "binary_sensor.hallway_motion").put("state", "on")))
        .await();
    assertThat(refused.statusCode()).isEqualTo(403);
    HttpResponse<Buffer> rules = web.get(bridge.httpPort(), "127.0.0.1", "/api/rules").send().await();
    assertThat(rules.bodyAsJsonObject().getJsonArray("rules").stream()
        .map(r -> ((JsonObject) r).getString("id"))).containsExactly("front_door_open");
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }
}
