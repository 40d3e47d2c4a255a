package io.harpou.bridge.vertx.mqtt;

import static io.harpou.bridge.vertx.mqtt.Observer.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.health.Health;
import io.harpou.testkit.mqtt.Mosquitto;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
      await(discovery::connected, "the connection");
      Thread.sleep(500);
      Process node = new ProcessBuilder("node", "discovery-peer.mjs", broker.url(), "500", "homeassistant/#",
          "harpou/#").directory(JS.toFile()).redirectErrorStream(false).start();
      assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
      List<JsonObject> lines = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(JsonObject::new).toList();
      assertThat(node.exitValue()).as(new String(node.getErrorStream().readAllBytes())).isZero();
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
}
