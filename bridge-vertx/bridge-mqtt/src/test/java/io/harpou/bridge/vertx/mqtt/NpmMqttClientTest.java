package io.harpou.bridge.vertx.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.event.EventPublisher;
import io.harpou.bridge.api.event.TaskDone;
import io.harpou.bridge.api.task.TaskInfo;
import io.harpou.bridge.api.task.TaskStatus;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.health.Health;
import io.harpou.testkit.Await;
import io.harpou.testkit.mqtt.Mosquitto;
import io.harpou.testkit.mqtt.MqttObserver;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The npm {@code mqtt} client, subscribed to {@code homeassistant/#} as Home Assistant is, reads what Harpou retained
 * on a real mosquitto; every configuration must be one Home Assistant accepts.
 */
class NpmMqttClientTest {

  private static final Path JS = Path.of("src/test/js");

  @TempDir
  Path dir;

  /** What the npm client, subscribed to {@code filters}, receives until the broker has been quiet for 500 ms. */
  private static List<JsonObject> peer(Mosquitto broker, String... filters) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", "discovery-peer.mjs", broker.url(), "500"));
    command.addAll(List.of(filters));
    Process node = new ProcessBuilder(command).directory(JS.toFile()).start();
    assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
    List<JsonObject> lines = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
        .map(JsonObject::new).toList();
    assertThat(node.exitValue()).as(new String(node.getErrorStream().readAllBytes())).isZero();
    return lines;
  }

  @Test
  void should_hand_home_assistant_retained_configurations_it_accepts() throws Exception {
    assumeTrue(Mosquitto.installed(), "mosquitto is not installed (./harpou test installs it)");
    assumeTrue(Files.isDirectory(JS.resolve("node_modules/mqtt")), "npm packages not installed (./harpou test)");
    Vertx vertx = Vertx.vertx();
    try (Mosquitto broker = Mosquitto.start(dir)) {
      Database database = Database.open(vertx, dir.resolve("harpou.db")).await();
      Household household = new Household(vertx).satellite("kitchen-sat", "Kitchen").satellite("office-sat", "Office")
          .timer("pasta", 2);
      MqttDiscovery discovery = MqttDiscovery.start(vertx, new MqttOptions(new JsonObject().put("url", broker.url())),
          household.services(MqttServices.of(new Health(vertx).listen(), database))).await();
      Await.until("the connection", discovery::connected);
      Thread.sleep(500);
      List<JsonObject> lines = peer(broker, "homeassistant/#", "harpou/#");
      HomeAssistantSchema schema = new HomeAssistantSchema();
      Map<String, JsonObject> configs = new TreeMap<>();
      Map<String, String> states = new TreeMap<>();
      for (JsonObject line : lines) {
        assertThat(line.getBoolean("retain")).as(line.getString("topic")).isTrue();
        if (line.getString("topic").endsWith("/config")) {
          configs.put(line.getString("topic"), new JsonObject(line.getString("payload")));
        } else {
          states.put(line.getString("topic"), line.getString("payload"));
        }
      }
      assertThat(configs).hasSize(14 + 2 * 7);
      configs.forEach((topic, config) -> {
        assertThat(schema.problems(topic, config)).as(topic).isEmpty();
        String stateTopic = schema.expand(config).getString("state_topic");
        if (stateTopic != null && states.containsKey(stateTopic)) {
          assertThat(schema.stateProblems(schema.componentOf(topic), config, states.get(stateTopic))).as(stateTopic)
              .isEmpty();
        }
      });
      assertThat(states).containsEntry("harpou/status", "online").containsEntry("harpou/timers/active", "1");
      discovery.close().await();
      database.close().await();
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void should_show_the_last_task_result_as_a_sentence_and_keep_the_whole_result_in_its_attributes() throws Exception {
    assumeTrue(Mosquitto.installed(), "mosquitto is not installed (./harpou test installs it)");
    assumeTrue(Files.isDirectory(JS.resolve("node_modules/mqtt")), "npm packages not installed (./harpou test)");
    Vertx vertx = Vertx.vertx();
    try (Mosquitto broker = Mosquitto.start(dir)) {
      Database database = Database.open(vertx, dir.resolve("harpou.db")).await();
      MqttDiscovery discovery = MqttDiscovery.start(vertx, new MqttOptions(new JsonObject().put("url", broker.url())),
          new Household(vertx).services(MqttServices.of(new Health(vertx).listen(), database))).await();
      Await.until("the connection", discovery::connected);
      MqttObserver ha = MqttObserver.connect(vertx, broker.port(), "harpou/tasks/#");
      EventPublisher events = new EventPublisher(vertx);
      events.publish(new TaskDone(Instant.now(), task("Draw the garden", TaskStatus.DONE,
          "{\"message\":\"Your image of the garden is ready.\",\"artifact\":\"01J9\"}")));
      Await.until("the message the image tool wrote for people", () -> "Your image of the garden is ready.".equals(ha.latest().get("harpou/tasks/last_result")));
      JsonObject backup = new JsonObject().put("copied", 1204).put("skipped", 3).put("target", "/srv/backup");
      events.publish(new TaskDone(Instant.now(), task("Back up the photos", TaskStatus.DONE, backup.encode())));
      Await.until("the backup's result", () -> ha.latest().getOrDefault("harpou/tasks/last_result", "").startsWith("Back up"));
      ha.close();

      Map<String, String> retained = new TreeMap<>();
      peer(broker, "harpou/tasks/#").forEach(line -> retained.put(line.getString("topic"), line.getString("payload")));
      assertThat(retained).containsEntry("harpou/tasks/last_result", "Back up the photos: done.");
      JsonObject attributes = new JsonObject(retained.get("harpou/tasks/last_result/attributes"));
      assertThat(attributes.getJsonObject("result")).isEqualTo(backup);
      assertThat(attributes.getString("status")).isEqualTo("done");
      discovery.close().await();
      database.close().await();
    } finally {
      vertx.close().await();
    }
  }

  private static TaskInfo task(String title, TaskStatus status, String result) {
    return new TaskInfo("01J" + title.length(), title, status, Utterance.of(title), Instant.now(), null, 1, result);
  }
}
