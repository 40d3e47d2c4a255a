package io.harpou.bridge.vertx.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.event.AlertChanged;
import io.harpou.bridge.api.event.EventPublisher;
import io.harpou.bridge.api.event.SatelliteStateChanged;
import io.harpou.bridge.api.event.TokenUsage;
import io.harpou.bridge.api.event.TranscriptReceived;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.audit.AuditQuery;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.health.Health;
import io.harpou.testkit.Await;
import io.harpou.testkit.mqtt.Mosquitto;
import io.harpou.testkit.mqtt.MqttObserver;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MqttDiscoveryTest {

  @TempDir
  Path dir;
  private Vertx vertx;
  private Mosquitto broker;
  private Database database;
  private Health health;
  private Household household;
  private MqttDiscovery discovery;
  private MqttObserver ha;
  private final HomeAssistantSchema schema = new HomeAssistantSchema();

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Mosquitto.installed(), "mosquitto is not installed (./harpou test installs it)");
    vertx = Vertx.vertx();
    broker = Mosquitto.start(dir);
    database = Database.open(vertx, dir.resolve("harpou.db")).await();
    health = new Health(vertx).listen();
    household = new Household(vertx).satellite("kitchen-sat", "Kitchen").satellite("192.168.1.20:10700", null)
        .timer("pasta", 10).timer("tea", 1);
    ha = MqttObserver.connect(vertx, broker.port(), "homeassistant/#", "harpou/#");
  }

  private void startDiscovery(JsonObject extra) {
    JsonObject config = new JsonObject().put("url", broker.url()).mergeIn(extra);
    discovery = MqttDiscovery.start(vertx, new MqttOptions(config),
        household.services(MqttServices.of(health, database))).await();
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
    ha.close();
    database.close().await();
    vertx.close().await();
    broker.close();
  }

  private static final int HUB_ENTITIES = 14;
  private static final int SATELLITE_ENTITIES = 7;

  @Test
  void should_publish_every_entity_as_home_assistant_accepts_it() {
    startDiscovery(new JsonObject());
    Await.until("every configuration", () -> ha.configs().size() >= HUB_ENTITIES + 2 * SATELLITE_ENTITIES);
    Map<String, JsonObject> configs = ha.configs();
    configs.forEach((topic, config) -> assertThat(schema.problems(topic, config)).as(topic).isEmpty());
    MqttObserver late = MqttObserver.connect(vertx, broker.port(), "homeassistant/#");
    Await.until("the configurations retained for a later subscriber", () -> late.configs().size() == configs.size());
    assertThat(late.received()).allMatch(MqttObserver.Received::retained);
    late.close();
    Await.until("the timers' state", () -> ha.latest().containsKey("harpou/timers/next"));
    configs.forEach((topic, config) -> {
      String stateTopic = schema.expand(config).getString("state_topic");
      // A text entity has no state until something is sent: an empty retained message would delete it.
      if (stateTopic != null && !topic.contains("/text/")) {
        Await.until("the state on " + stateTopic, () -> ha.latest().containsKey(stateTopic));
        assertThat(schema.stateProblems(schema.componentOf(topic), config, ha.latest().get(stateTopic)))
            .as(stateTopic).isEmpty();
      }
    });
    assertThat(ha.latest().get("harpou/status")).isEqualTo("online");
    assertThat(ha.latest().get("harpou/timers/active")).isEqualTo("2");
    assertThat(Instant.parse(ha.latest().get("harpou/timers/next"))).isBefore(Instant.now().plusSeconds(61));
    JsonObject kitchen = configs.get("homeassistant/switch/harpou/sat_kitchen-sat_mute/config");
    assertThat(kitchen.getJsonObject("dev").getString("sa")).isEqualTo("Kitchen");
    assertThat(kitchen.getJsonObject("dev").getString("via_device")).isEqualTo("harpou_harpou");
    assertThat(configs.keySet()).anyMatch(t -> t.matches("homeassistant/sensor/harpou/sat_192_168_1_20_10700_"
        + "[0-9a-f]{8}_state/config"));
  }

  @Test
  void should_mute_and_unmute_a_satellite_from_its_switch_and_audit_it() {
    startDiscovery(new JsonObject());
    Await.until("the mute state", () -> "OFF".equals(ha.latest().get("harpou/satellite/kitchen-sat/mute")));
    ha.send("harpou/satellite/kitchen-sat/mute/set", "ON", false);
    Await.until("the satellite muted", () -> household.settings.get("kitchen-sat").muted());
    Await.until("the switch on", () -> "ON".equals(ha.latest().get("harpou/satellite/kitchen-sat/mute")));
    ha.send("harpou/satellite/kitchen-sat/dnd/set", "ON", false);
    ha.send("harpou/satellite/kitchen-sat/volume/set", "35", false);
    Await.until("the volume", () -> household.settings.get("kitchen-sat").volume() == 35);
    assertThat(household.settings.get("kitchen-sat").doNotDisturb()).isTrue();
    Await.until("the volume's state", () -> "35".equals(ha.latest().get("harpou/satellite/kitchen-sat/volume")));
    var rows = AuditLog.open(database).compose(log -> log.query(new AuditQuery(null, null, null, null, 50)))
        .await();
    assertThat(rows).anyMatch(r -> r.tool().equals("mqtt_satellite_mute") && r.channel().equals("mqtt")
        && r.outcome().equals("ok"));
  }

  @Test
  void should_audit_a_command_in_the_log_it_is_given_as_hubs_sharing_a_database_do() {
    // Another file stands for the log hubs share: the row must be there, and not in this hub's own database.
    Database sharedFile = Database.open(vertx, dir.resolve("shared.db")).await();
    discovery = MqttDiscovery.start(vertx, new MqttOptions(new JsonObject().put("url", broker.url())),
        household.services(MqttServices.of(health, database).withAuditLog(AuditLog.open(sharedFile)))).await();
    Await.until("the connection", () -> discovery.connected());
    Await.until("the mute state", () -> "OFF".equals(ha.latest().get("harpou/satellite/kitchen-sat/mute")));

    ha.send("harpou/satellite/kitchen-sat/mute/set", "ON", false);

    Await.until("the command audited in the shared log", () -> AuditLog.open(sharedFile)
        .compose(log -> log.query(AuditQuery.latest())).await().stream()
        .anyMatch(r -> r.tool().equals("mqtt_satellite_mute") && r.channel().equals("mqtt")));
    assertThat(AuditLog.open(database).compose(log -> log.query(AuditQuery.latest())).await())
        .noneMatch(r -> r.tool().equals("mqtt_satellite_mute"));
    sharedFile.close().await();
  }

  @Test
  void should_answer_the_conversation_entity_on_its_state_topic_on_the_mqtt_channel() {
    startDiscovery(new JsonObject());
    ha.send("harpou/conversation/set", "what time is it", false);
    Await.until("the reply", () -> "You said: what time is it".equals(ha.latest().get("harpou/conversation")));
    assertThat(household.asked).hasSize(1);
    assertThat(household.asked.get(0).channel()).isEqualTo(Channel.MQTT);
    assertThat(new JsonObject(ha.latest().get("harpou/conversation/attributes")).getString("reply"))
        .isEqualTo("You said: what time is it");
  }

  @Test
  void should_announce_in_the_satellite_room_and_cancel_every_voice_timer() {
    startDiscovery(new JsonObject());
    ha.send("harpou/satellite/kitchen-sat/announce/set", "Dinner is ready", false);
    Await.until("the announcement", () -> !household.announced.isEmpty());
    assertThat(household.announced.get(0).room()).isEqualTo("Kitchen");
    assertThat(household.announced.get(0).text()).isEqualTo("Dinner is ready");
    household.timer("eggs", 5);
    Await.until("a timer started later shown", () -> "3".equals(ha.latest().get("harpou/timers/active")));
    ha.send("harpou/timers/cancel", "PRESS", false);
    Await.until("every timer cancelled", () -> household.timers.list().isEmpty());
    Await.until("no active timer shown", () -> "0".equals(ha.latest().get("harpou/timers/active")));
    // The count and the next end are two messages: the second may still be on its way.
    Await.until("no next timer shown", () -> "None".equals(ha.latest().get("harpou/timers/next")));
  }

  @Test
  void should_follow_satellites_transcripts_tokens_and_alerts_from_events() {
    startDiscovery(new JsonObject());
    EventPublisher events = new EventPublisher(vertx);
    events.publish(new SatelliteStateChanged(Instant.now(), "kitchen-sat", "Kitchen",
        SatelliteStateChanged.State.LISTENING, null));
    events.publish(new TranscriptReceived(Instant.now(), null, "kitchen-sat", "Kitchen", "turn on the light"));
    events.publish(new TokenUsage(Instant.now(), "t", "c", 1200, 300));
    events.publish(new SatelliteStateChanged(Instant.now(), "porch-sat", "Porch",
        SatelliteStateChanged.State.IDLE, null));
    AlertChanged alert = new AlertChanged(Instant.now(), "01J", "disk", "disk:/srv", "warning",
        AlertChanged.State.RAISED, "Disk /srv is 95% full", null, null);
    events.publish(alert);
    Await.until("the listening state", () -> "listening".equals(ha.latest().get("harpou/satellite/kitchen-sat/state")));
    Await.until("the transcript",
        () -> "turn on the light".equals(ha.latest().get("harpou/satellite/kitchen-sat/transcript")));
    Await.until("the tokens", () -> "1500".equals(ha.latest().get("harpou/hub/tokens_today")));
    Await.until("the satellite that dialed in",
        () -> ha.configs().containsKey("homeassistant/sensor/harpou/sat_porch-sat_state/config"));
    Await.until("the problem sensor", () -> "ON".equals(ha.latest().get("harpou/hub/problem")));
    String alertTopic = ha.configs().keySet().stream().filter(t -> t.contains("/alert_disk__srv_"))
        .findFirst().orElseThrow();
    assertThat(schema.problems(alertTopic, ha.configs().get(alertTopic))).isEmpty();
    events.publish(alert.to(AlertChanged.State.CLEARED, null));
    Await.until("the problem cleared", () -> "OFF".equals(ha.latest().get("harpou/hub/problem")));
  }

  @Test
  void should_remove_an_alert_s_problem_sensor_once_the_alert_clears() {
    startDiscovery(new JsonObject());
    EventPublisher events = new EventPublisher(vertx);
    AlertChanged alert = new AlertChanged(Instant.now(), "01K", "disk", "disk:/var", "warning",
        AlertChanged.State.RAISED, "Disk /var is 96% full", null, null);
    events.publish(alert);
    Await.until("the alert's sensor",
        () -> ha.configs().keySet().stream().anyMatch(t -> t.contains("/alert_disk__var")));
    String config = ha.configs().keySet().stream().filter(t -> t.contains("/alert_disk__var")).findFirst()
        .orElseThrow();
    String state = ha.configs().get(config).getString("stat_t");
    Await.until("the alert on", () -> "ON".equals(ha.latest().get(state)));

    events.publish(alert.to(AlertChanged.State.CLEARED, null));
    Await.until("the alert's sensor removed", () -> !ha.latest().containsKey(config));
    MqttObserver later = MqttObserver.connect(vertx, broker.port(), "homeassistant/#", "harpou/#");
    Await.until("the retained hub state", () -> "OFF".equals(later.latest().get("harpou/hub/problem")));

    assertThat(ha.received()).as("the sensor turned off before it went")
        .anyMatch(m -> m.topic().equals(state) && m.payload().equals("OFF"));
    assertThat(ha.latest()).doesNotContainKeys(state, state + "/attributes");
    assertThat(later.latest().keySet()).as("what a Home Assistant connecting now finds")
        .noneMatch(t -> t.contains("alert_disk__var") || t.contains("alert/disk__var"));
    later.close();
  }

  @Test
  void should_publish_everything_again_when_home_assistant_comes_online() {
    startDiscovery(new JsonObject());
    Await.until("every configuration", () -> ha.configs().size() == HUB_ENTITIES + 2 * SATELLITE_ENTITIES);
    int before = ha.received().size();
    ha.send("homeassistant/status", "online", false);
    Await.until("every configuration again", () -> ha.received().subList(before, ha.received().size()).stream()
        .filter(m -> m.topic().endsWith("/config")).count() == HUB_ENTITIES + 2 * SATELLITE_ENTITIES);
  }

  @Test
  void should_empty_configurations_under_its_node_it_does_not_publish_and_leave_other_nodes_alone() {
    String planted = "homeassistant/switch/harpou/front_door_unlock/config";
    String stale = "homeassistant/sensor/harpou/sat_old-sat_state/config";
    String foreign = "homeassistant/switch/zigbee2mqtt/plug/config";
    ha.send(planted, new JsonObject().put("name", "Unlock").put("cmd_t", "zigbee2mqtt/front_door/set")
        .put("uniq_id", "x").encode(), true);
    ha.send(stale, new JsonObject().put("name", "Old").put("stat_t", "harpou/old").encode(), true);
    ha.send(foreign, new JsonObject().put("name", "Plug").put("cmd_t", "zigbee2mqtt/plug/set").encode(), true);
    startDiscovery(new JsonObject());
    Await.until("the planted configs emptied",
        () -> !ha.latest().containsKey(planted) && !ha.latest().containsKey(stale));
    assertThat(ha.received()).anyMatch(m -> m.topic().equals(planted) && m.payload().isEmpty());
    assertThat(ha.latest()).containsKey(foreign);
    String mine = "homeassistant/switch/harpou/sat_kitchen-sat_mute/config";
    Await.until("Harpou's own configuration", () -> ha.latest().containsKey(mine));
    String original = ha.latest().get(mine);
    ha.send(mine, new JsonObject(original).put("cmd_t", "zigbee2mqtt/front_door/set").encode(), true);
    Await.until("Harpou's configuration put back", () -> original.equals(ha.latest().get(mine)));
  }

  @Test
  void should_remove_the_entities_of_a_satellite_that_is_gone_when_it_starts_again() {
    startDiscovery(new JsonObject());
    Await.until("every configuration", () -> ha.configs().size() == HUB_ENTITIES + 2 * SATELLITE_ENTITIES);
    discovery.close().await();
    household.satellites.removeIf(s -> s.id().startsWith("192.168"));
    startDiscovery(new JsonObject());
    Await.until("the gone satellite's entities removed", () -> ha.configs().size() == HUB_ENTITIES + SATELLITE_ENTITIES);
    assertThat(ha.configs().keySet()).noneMatch(t -> t.contains("sat_192_168"))
        .contains("homeassistant/switch/harpou/sat_kitchen-sat_mute/config");
    assertThat(ha.received()).as("an empty retained configuration, which removes the entity in Home Assistant")
        .anyMatch(m -> m.topic().contains("sat_192_168") && m.payload().isEmpty());
  }
}
