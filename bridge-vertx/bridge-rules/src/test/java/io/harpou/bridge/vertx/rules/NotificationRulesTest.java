package io.harpou.bridge.vertx.rules;

import static io.harpou.bridge.vertx.rules.RulesHousehold.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.rules.RuleBook;
import io.harpou.bridge.api.rules.RuleException;
import io.harpou.bridge.api.voice.Announcement;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.audit.AuditQuery;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.LocalTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The household is told what matters, and only that: a door left open is said where people are, a door closed in
 * time is not, quiet hours keep the rooms silent, a cooldown keeps a flapping door from nagging, a window is a problem
 * only while the heating runs, and a one-time rule speaks of a change, once.
 */
class NotificationRulesTest {

  @TempDir
  Path dir;
  private final Vertx vertx = Vertx.vertx();
  private RulesHousehold house;
  private NotificationRules rules;

  @BeforeEach
  void start() {
    house = new RulesHousehold(vertx, dir);
  }

  @AfterEach
  void stop() {
    if (rules != null) {
      rules.close().await();
    }
    house.close();
    vertx.close().await();
  }

  private void watch(JsonObject... configured) {
    rules = NotificationRules.start(vertx, new NotificationOptions(new JsonObject()
        .put("rules", new JsonArray(java.util.List.of((Object[]) configured)))), house.services()).await();
  }

  private static JsonObject doorLeftOpen() {
    return new JsonObject().put("id", "front_door_open").put("rooms", new JsonArray().add("kitchen").add("hallway"))
        .put("when", new JsonObject().put("entity_id", "binary_sensor.front_door").put("state", "on")
            .put("for_seconds", 1))
        .put("say", "The front door has been left open.");
  }

  @Test
  void should_say_a_door_left_open_where_people_are_and_tell_home_assistant() {
    watch(doorLeftOpen());
    house.set("binary_sensor.front_door", "on");
    await(() -> !house.heard.isEmpty(), "the announcement");
    assertThat(house.heard).containsExactly(new Announcement("kitchen", "The front door has been left open.", "en"));
    await(() -> house.notifications().contains("The front door has been left open."), "Home Assistant's notification");
    await(() -> !house.events.isEmpty(), "the console's notification event");
    assertThat(house.events.get(0).getString("rule")).isEqualTo("front_door_open");
    AuditLog audit = AuditLog.open(house.database).await();
    await(() -> !audit.query(new AuditQuery(null, null, "notification", null, 10)).await().isEmpty(),
        "the audit row");
  }

  @Test
  void should_say_nothing_of_a_door_closed_before_its_time() throws Exception {
    watch(doorLeftOpen().put("when", doorLeftOpen().getJsonObject("when").put("for_seconds", 2)));
    house.set("binary_sensor.front_door", "on");
    house.set("binary_sensor.front_door", "off");
    Thread.sleep(3_000);
    assertThat(house.heard).isEmpty();
    assertThat(house.notifications()).isEmpty();
  }

  @Test
  void should_keep_the_rooms_silent_in_quiet_hours_but_still_tell_home_assistant() {
    LocalTime now = LocalTime.now();
    watch(doorLeftOpen().put("quiet_hours", now.minusHours(1).withNano(0).withSecond(0) + "-"
        + now.plusHours(1).withNano(0).withSecond(0)));
    house.set("binary_sensor.front_door", "on");
    await(() -> house.notifications().contains("The front door has been left open."), "Home Assistant's notification");
    assertThat(house.heard).isEmpty();
    await(() -> !house.events.isEmpty(), "the console's notification event");
    assertThat(house.events.get(0).getBoolean("quiet")).isTrue();
  }

  @Test
  void should_not_nag_about_a_flapping_door_within_the_cooldown() throws Exception {
    watch(doorLeftOpen().put("when", doorLeftOpen().getJsonObject("when").put("for_seconds", 0)));
    house.set("binary_sensor.front_door", "on");
    await(() -> house.heard.size() == 1, "the first announcement");
    house.set("binary_sensor.front_door", "off");
    house.set("binary_sensor.front_door", "on");
    Thread.sleep(1_000);
    assertThat(house.heard).hasSize(1);
    assertThat(house.notifications()).hasSize(1);
  }

  @Test
  void should_mind_an_open_window_only_while_the_heating_runs() throws Exception {
    watch(new JsonObject().put("id", "window_heating").put("rooms", new JsonArray().add("kitchen"))
        .put("when", new JsonObject().put("entity_id", "binary_sensor.bedroom_window").put("state", "on"))
        .put("while", new JsonObject().put("entity_id", "climate.bedroom").put("attribute", "hvac_action")
            .put("state", "heating")));
    house.set("binary_sensor.bedroom_window", "on");
    Thread.sleep(1_000);
    assertThat(house.heard).isEmpty();
    house.set("climate.bedroom", "heat", new JsonObject().put("hvac_action", "heating"));
    await(() -> !house.heard.isEmpty(), "the announcement");
    assertThat(house.heard.get(0).text()).isEqualTo("Bedroom window is on.");
  }

  @Test
  void should_warn_of_any_low_battery_by_device_class() {
    watch(new JsonObject().put("id", "low_battery").put("rooms", new JsonArray().add("kitchen"))
        .put("when", new JsonObject().put("device_class", "battery").put("below", 15))
        .put("say", "{name} is at {state} percent."));
    house.set("sensor.lock_battery", "9");
    await(() -> !house.heard.isEmpty(), "the announcement");
    assertThat(house.heard.get(0).text()).isEqualTo("Lock battery is at 9 percent.");
  }

  @Test
  void should_speak_once_of_a_change_after_a_one_time_rule_is_made_then_forget_it() throws Exception {
    watch();
    RuleBook book = RuleBook.overEventBus(vertx);
    JsonObject kept = book.add(new JsonObject().put("origin", "speech").put("once", true).put("cooldown_minutes", 0)
        .put("rooms", new JsonArray().add("kitchen"))
        .put("when", new JsonObject().put("entity_id", "sensor.washing_machine").put("state", new JsonArray()
            .add("idle").add("done")))
        .put("say", "{name} is done.")).await();
    assertThat(kept.getString("origin")).isEqualTo("speech");
    house.set("sensor.washing_machine", "done");
    await(() -> !house.heard.isEmpty(), "the announcement");
    assertThat(house.heard).containsExactly(new Announcement("kitchen", "Washing machine is done.", "en"));
    await(() -> book.list().await().isEmpty(), "the rule forgotten");
    house.set("sensor.washing_machine", "running");
    house.set("sensor.washing_machine", "done");
    Thread.sleep(500);
    assertThat(house.heard).hasSize(1);
  }

  @Test
  void should_not_answer_a_one_time_rule_with_a_state_that_held_already() throws Exception {
    watch();
    house.set("sensor.washing_machine", "idle");
    RuleBook.overEventBus(vertx).add(new JsonObject().put("once", true).put("rooms", new JsonArray().add("kitchen"))
        .put("when", new JsonObject().put("entity_id", "sensor.washing_machine").put("state", "idle"))).await();
    Thread.sleep(800);
    assertThat(house.heard).isEmpty();
  }

  @Test
  void should_keep_added_rules_across_a_restart_and_refuse_to_remove_configured_ones() {
    watch(doorLeftOpen());
    RuleBook book = RuleBook.overEventBus(vertx);
    book.add(new JsonObject().put("id", "leak").put("when", new JsonObject().put("device_class", "moisture")
        .put("state", "on"))).await();
    rules.close().await();
    watch(doorLeftOpen());
    assertThat(book.list().await().stream().map(r -> ((JsonObject) r).getString("id")))
        .containsExactly("front_door_open", "leak");
    assertThatThrownBy(() -> book.remove("front_door_open").await()).isInstanceOf(RuleException.class)
        .hasMessageContaining("configuration");
    assertThat(book.remove("leak").await()).isTrue();
    house.set("binary_sensor.bathroom_leak", "on");
    assertThat(house.heard).isEmpty();
  }

  @Test
  void should_refuse_a_malformed_or_unknown_rule_and_keep_nothing() {
    watch();
    RuleBook book = RuleBook.overEventBus(vertx);
    assertThatThrownBy(() -> book.add(new JsonObject().put("when", new JsonObject()
        .put("entity_id", "binary_sensor.nowhere").put("state", "on"))).await())
        .isInstanceOf(RuleException.class).hasMessageContaining("no entity binary_sensor.nowhere");
    assertThatThrownBy(() -> book.add(new JsonObject().put("when", new JsonObject()
        .put("entity_id", "binary_sensor.front_door").put("state", "on")).put("say", "x".repeat(256))).await())
        .isInstanceOf(RuleException.class).hasMessageContaining("'say'");
    assertThatThrownBy(() -> book.add(new JsonObject().put("when", "always")).await())
        .isInstanceOf(RuleException.class);
    assertThat(book.list().await()).isEmpty();
  }
}
