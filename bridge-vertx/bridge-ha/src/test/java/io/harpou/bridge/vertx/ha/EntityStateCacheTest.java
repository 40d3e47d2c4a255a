package io.harpou.bridge.vertx.ha;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.home.StateChange;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EntityStateCacheTest {

  private final EntityStateCache cache = EntityStateCache.create();
  private final List<StateChange> changes = new ArrayList<>();

  @BeforeEach
  void load_kitchen_light() {
    cache.replaceAll(new JsonObject("""
        {"a":{"light.kitchen":{"s":"on","a":{"brightness":180,"effect":"colorloop","friendly_name":"Kitchen"},
              "c":"01J5Y2A3B4C5D6E7F8G9H0JKMN","lc":1735725600.123456},
              "sensor.t":{"s":"21.5","a":{},"c":"01J5Y2A3B4C5D6E7F8G9H0JKMP","lc":1735725600.0,"lu":1735725700.5}}}
        """), changes::add);
    changes.clear();
  }

  private EntityState kitchen() {
    return cache.get("light.kitchen").orElseThrow();
  }

  @Test
  void should_read_compressed_states_with_lu_defaulting_to_lc() {
    assertThat(kitchen().state()).isEqualTo("on");
    assertThat(kitchen().lastChanged()).isEqualTo(Instant.parse("2025-01-01T10:00:00.123456Z"));
    assertThat(kitchen().lastUpdated()).isEqualTo(kitchen().lastChanged());
    assertThat(cache.get("sensor.t").orElseThrow().lastUpdated()).isEqualTo(Instant.parse("2025-01-01T10:01:40.5Z"));
    assertThat(cache.states()).hasSize(2);
  }

  @Test
  void should_apply_diff_with_added_changed_and_removed_attributes() {
    cache.apply(new JsonObject("""
        {"c":{"light.kitchen":{"+":{"s":"off","a":{"brightness":null,"color_mode":null},"c":"01J5Y2A3B4C5D6E7F8G9H0JKMQ",
              "lc":1735725700.5},"-":{"a":["effect"]}}}}
        """), changes::add);

    EntityState now = kitchen();
    assertThat(now.state()).isEqualTo("off");
    assertThat(now.attributes().getMap()).containsEntry("brightness", null).containsKey("color_mode")
        .containsEntry("friendly_name", "Kitchen").doesNotContainKey("effect");
    assertThat(now.lastChanged()).isEqualTo(now.lastUpdated()).isEqualTo(Instant.parse("2025-01-01T10:01:40.5Z"));
    assertThat(changes).singleElement().satisfies(change -> {
      assertThat(change.oldState().state()).isEqualTo("on");
      assertThat(change.oldState().attributes().getString("effect")).isEqualTo("colorloop");
      assertThat(change.newState()).isEqualTo(now);
    });
  }

  @Test
  void should_keep_last_changed_when_only_last_updated_moves() {
    Instant changedBefore = kitchen().lastChanged();
    cache.apply(new JsonObject("{\"c\":{\"light.kitchen\":{\"+\":{\"a\":{\"brightness\":20},\"lu\":1735725800.25}}}}"),
        changes::add);

    assertThat(kitchen().state()).isEqualTo("on");
    assertThat(kitchen().attributes().getInteger("brightness")).isEqualTo(20);
    assertThat(kitchen().lastChanged()).isEqualTo(changedBefore);
    assertThat(kitchen().lastUpdated()).isEqualTo(Instant.parse("2025-01-01T10:03:20.25Z"));
  }

  @Test
  void should_not_report_a_diff_that_only_moves_the_context() {
    EntityState before = kitchen();
    cache.apply(new JsonObject("{\"c\":{\"light.kitchen\":{\"+\":{\"c\":{\"user_id\":\"abc\"}}}}}"), changes::add);

    assertThat(changes).isEmpty();
    assertThat(kitchen()).isEqualTo(before);
  }

  @Test
  void should_remove_entities_and_report_them_gone() {
    cache.apply(new JsonObject("{\"r\":[\"sensor.t\",\"sensor.unknown\"]}"), changes::add);

    assertThat(cache.get("sensor.t")).isEmpty();
    assertThat(changes).singleElement().satisfies(change -> {
      assertThat(change.entityId()).isEqualTo("sensor.t");
      assertThat(change.newState()).isNull();
      assertThat(change.oldState().state()).isEqualTo("21.5");
    });
  }

  @Test
  void should_not_let_a_diff_change_states_handed_out_before() {
    EntityState before = kitchen();
    cache.apply(new JsonObject("{\"c\":{\"light.kitchen\":{\"+\":{\"a\":{\"brightness\":1}},\"-\":{\"a\":[\"effect\"]}}}}"),
        changes::add);

    assertThat(before.attributes().getInteger("brightness")).isEqualTo(180);
    assertThat(before.attributes().getString("effect")).isEqualTo("colorloop");
  }

  @Test
  void should_report_only_differences_on_resync() {
    cache.replaceAll(new JsonObject("""
        {"a":{"light.kitchen":{"s":"on","a":{"brightness":180,"effect":"colorloop","friendly_name":"Kitchen"},
              "c":"01J5Y2A3B4C5D6E7F8G9H0JKMN","lc":1735725600.123456},
              "switch.new":{"s":"off","a":{},"c":"01J5Y2A3B4C5D6E7F8G9H0JKMR","lc":1735725600.0}}}
        """), changes::add);

    assertThat(changes).extracting(StateChange::entityId).containsExactlyInAnyOrder("sensor.t", "switch.new");
    assertThat(changes).filteredOn(c -> c.entityId().equals("sensor.t")).singleElement()
        .satisfies(c -> assertThat(c.newState()).isNull());
    assertThat(changes).filteredOn(c -> c.entityId().equals("switch.new")).singleElement()
        .satisfies(c -> assertThat(c.oldState()).isNull());
  }

  @Test
  void should_match_full_state_objects_to_compressed_ones_on_resync() {
    cache.replaceAllFull(new JsonArray("""
        [{"entity_id":"light.kitchen","state":"on","attributes":{"brightness":180,"effect":"colorloop",
          "friendly_name":"Kitchen"},"last_changed":"2025-01-01T10:00:00.123456+00:00",
          "last_reported":"2025-01-01T10:00:00.123456+00:00","last_updated":"2025-01-01T10:00:00.123456+00:00",
          "context":{"id":"01J5Y2A3B4C5D6E7F8G9H0JKMN","parent_id":null,"user_id":null}},
         {"entity_id":"sensor.t","state":"22.0","attributes":{},"last_changed":"2025-01-01T10:05:00.000000+00:00",
          "last_reported":"2025-01-01T10:05:00.000000+00:00","last_updated":"2025-01-01T10:05:00.000000+00:00",
          "context":{"id":"01J5Y2A3B4C5D6E7F8G9H0JKMS","parent_id":null,"user_id":null}}]
        """), changes::add);

    assertThat(changes).singleElement().satisfies(c -> {
      assertThat(c.entityId()).isEqualTo("sensor.t");
      assertThat(c.newState().state()).isEqualTo("22.0");
    });
  }
}
