package io.harpou.bridge.vertx.agent.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.home.Target;
import io.harpou.bridge.vertx.agent.PolicyOptions;
import io.harpou.bridge.vertx.ha.HomeAssistantClient;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a service call reaches, found through the real Home Assistant client and the virtual home's
 * {@code search/related}: scripts that lock by area or open by device are caught, a script that merely lights a room
 * holding a lock is not.
 */
class ProtectedReachTest {

  private final Vertx vertx = Vertx.vertx();
  private VirtualHomeAssistant home;
  private HomeAssistantClient client;
  private ProtectedReach reach;

  private static JsonObject step(String service, String key, Object target) {
    return new JsonObject().put("service", service).put("target", new JsonObject().put(key, target));
  }

  private static JsonObject script(String id, JsonObject... steps) {
    return new JsonObject().put("entity_id", id).put("sequence", new JsonArray(List.of((Object[]) steps)));
  }

  @BeforeEach
  void start() {
    JsonObject house = new JsonObject()
        .put("floors", new JsonArray().add(new JsonObject().put("floor_id", "ground").put("name", "Ground")))
        .put("areas", new JsonArray()
            .add(new JsonObject().put("area_id", "hall").put("name", "Hall").put("floor_id", "ground"))
            .add(new JsonObject().put("area_id", "porch").put("name", "Porch")))
        .put("devices", new JsonArray()
            .add(new JsonObject().put("id", "lock_box").put("name", "Lock box").put("area_id", "hall"))
            .add(new JsonObject().put("id", "door_motor").put("name", "Door motor")))
        .put("entities", new JsonArray()
            .add(new JsonObject().put("entity_id", "lock.back_door").put("device_id", "lock_box"))
            .add(new JsonObject().put("entity_id", "light.hall").put("area_id", "hall"))
            .add(new JsonObject().put("entity_id", "light.porch").put("area_id", "porch"))
            .add(new JsonObject().put("entity_id", "cover.garage").put("device_id", "door_motor")
                .put("attributes", new JsonObject().put("device_class", "garage")))
            .add(new JsonObject().put("entity_id", "cover.blinds"))
            .add(script("script.hall_light", step("light.turn_on", "entity_id", "light.hall")))
            .add(script("script.lock_hall", step("lock.lock", "area_id", "hall")))
            .add(script("script.open_by_device", new JsonObject().put("device_id", "door_motor")
                .put("domain", "cover").put("type", "open")))
            .add(script("script.all_off", step("light.turn_off", "entity_id", "all")))
            .add(script("script.outer", step("script.turn_on", "entity_id", "script.lock_hall"))));
    home = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions().setHouse(house)).start().await();
    client = HomeAssistantClient.create(vertx, new HomeAssistantOptions().setUrl(home.url())
        .setToken(home.accessToken()));
    client.connect().await();
    reach = new ProtectedReach(new PolicyOptions(), client, Set.of());
  }

  @AfterEach
  void stop() {
    client.close().await();
    vertx.close().await();
  }

  private List<String> reached(String domain, String service, Target target, JsonObject data) {
    return reach.of(new ServiceCall(domain, service, data, target, false)).await();
  }

  private List<String> runs(String script) {
    return reached("script", "turn_on", Target.entities(script), null);
  }

  @Test
  void should_find_locks_and_garage_doors_by_entity_device_area_floor_and_all_in_the_services_domain() {
    assertThat(reached("lock", "unlock", Target.entities("lock.back_door"), null)).containsExactly("lock.back_door");
    assertThat(reached("lock", "unlock", Target.entities("all"), null)).containsExactly("lock.back_door");
    assertThat(reached("cover", "open_cover", new Target(null, List.of("door_motor"), null, null), null))
        .containsExactly("cover.garage");
    assertThat(reached("lock", "unlock", Target.areas("hall"), null)).containsExactly("lock.back_door");
    assertThat(reached("lock", "unlock", new Target(null, null, null, List.of("ground")), null))
        .containsExactly("lock.back_door");
    assertThat(reached("cover", "open_cover", Target.entities("cover.blinds"), null)).isEmpty();
    assertThat(reached("light", "turn_on", Target.areas("hall"), null)).isEmpty();
    assertThat(reached("homeassistant", "turn_off", Target.areas("hall"), null)).containsExactly("lock.back_door");
  }

  @Test
  void should_find_the_front_door_named_in_service_data() {
    JsonObject data = new JsonObject().put("entities", new JsonObject().put("lock.back_door", "unlocked"));

    assertThat(reached("scene", "apply", Target.entities("scene.nothing"), data)).containsExactly("lock.back_door");
  }

  @Test
  void should_find_what_scripts_reach_through_areas_devices_nesting_and_all_but_not_rooms_they_only_light() {
    assertThat(runs("script.lock_hall")).containsExactly("lock.back_door");
    assertThat(runs("script.open_by_device")).containsExactly("cover.garage");
    assertThat(runs("script.outer")).containsExactly("lock.back_door");
    assertThat(runs("script.all_off")).containsExactlyInAnyOrder("lock.back_door", "cover.garage");
    assertThat(runs("script.hall_light")).isEmpty();
    assertThat(reached("script", "lock_hall", new Target(null, null, null, null), null))
        .containsExactly("lock.back_door");
  }

  @Test
  void should_count_a_script_home_assistant_cannot_describe_as_reaching_itself() {
    home.faults().failNext("search/related", "unknown_command", "Unknown command.");

    assertThat(runs("script.hall_light")).containsExactly("script.hall_light");
  }
}
