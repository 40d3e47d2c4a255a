package io.harpou.bridge.vertx.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.home.Area;
import io.harpou.bridge.api.home.ConnectionState;
import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.home.HomeAssistantException;
import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.home.StateChange;
import io.harpou.bridge.api.home.Target;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class HomeAssistantClientTest extends VirtualHomeFixture {

  @Test
  void should_connect_and_sync_states_and_registries() {
    startHome(new VirtualHomeOptions());
    HomeAssistantClient client = connected();

    assertThat(client.connectionState()).isEqualTo(ConnectionState.CONNECTED);
    assertThat(client.states()).extracting(EntityState::entityId)
        .containsExactlyInAnyOrderElementsOf(home.entityIds());
    JsonObject kitchen = home.state("light.kitchen");
    assertThat(client.state("light.kitchen")).get().satisfies(s -> {
      assertThat(s.state()).isEqualTo(kitchen.getString("state"));
      assertThat(s.attributes()).isEqualTo(kitchen.getJsonObject("attributes"));
      assertThat(s.toJson().getString("last_changed")).isNotNull();
    });
    assertThat(client.floors()).hasSize(2);
    assertThat(client.areas()).hasSize(8);
    assertThat(client.devices()).isNotEmpty();
    assertThat(client.entities()).extracting(e -> e.entityId()).contains("light.kitchen");
  }

  @Test
  void should_find_an_entity_area_through_its_device() {
    startHome(new VirtualHomeOptions());
    HomeAssistantClient client = connected();

    assertThat(client.entities()).filteredOn(e -> e.entityId().equals("light.kitchen")).singleElement()
        .satisfies(e -> assertThat(e.areaId()).isNull());
    assertThat(client.areaOf("light.kitchen")).map(Area::areaId).contains("kitchen");
    assertThat(client.areaOf("light.does_not_exist")).isEmpty();
  }

  @Test
  void should_turn_on_the_kitchen_light_and_see_it_in_the_cache() {
    startHome(new VirtualHomeOptions());
    HomeAssistantClient client = connected();
    assertThat(client.state("light.kitchen").orElseThrow().state()).isEqualTo("off");

    JsonObject result = client.callService(ServiceCall.of("light", "turn_on", Target.entities("light.kitchen"))
        .withData(new JsonObject().put("brightness_pct", 50))).await();

    assertThat(result.getJsonObject("context").getString("id")).isNotBlank();
    assertThat(home.state("light.kitchen").getString("state")).isEqualTo("on");
    eventually("the cache sees the light on", () -> "on".equals(client.state("light.kitchen").orElseThrow().state()));
    assertThat(client.state("light.kitchen").orElseThrow().attributes().getInteger("brightness")).isEqualTo(128);
  }

  @Test
  void should_fan_out_state_changes_to_handlers_and_the_event_bus() {
    startHome(new VirtualHomeOptions());
    HomeAssistantClient client = connected();
    List<StateChange> seen = new CopyOnWriteArrayList<>();
    List<JsonObject> published = new CopyOnWriteArrayList<>();
    client.onStateChange(seen::add);
    vertx.eventBus().<JsonObject>consumer(BridgeAddresses.HOME_STATE_CHANGED, m -> published.add(m.body()))
        .completion().await();

    home.setState("light.kitchen", "on");

    eventually("a state change reached the handler", () -> !seen.isEmpty());
    assertThat(seen).singleElement().satisfies(change -> {
      assertThat(change.entityId()).isEqualTo("light.kitchen");
      assertThat(change.oldState().state()).isEqualTo("off");
      assertThat(change.newState().state()).isEqualTo("on");
    });
    eventually("the change was published on the bus", () -> !published.isEmpty());
    assertThat(StateChange.fromJson(published.get(0)).newState().state()).isEqualTo("on");
  }

  @Test
  void should_apply_attribute_removal_and_entity_removal_from_the_stream() {
    startHome(new VirtualHomeOptions());
    HomeAssistantClient client = connected();
    JsonObject lamp = home.state("light.living_room_lamp");
    JsonObject fewer = lamp.getJsonObject("attributes").copy();
    fewer.remove("effect_list");
    fewer.put("brightness", 20);

    home.setState("light.living_room_lamp", lamp.getString("state"), fewer);
    home.removeState("light.kitchen");

    eventually("the kitchen light is gone", () -> client.state("light.kitchen").isEmpty());
    EntityState now = client.state("light.living_room_lamp").orElseThrow();
    assertThat(now.attributes()).isEqualTo(home.state("light.living_room_lamp").getJsonObject("attributes"));
    assertThat(now.attributes().containsKey("effect_list")).isFalse();
    assertThat(now.toJson().getString("last_updated"))
        .isNotEqualTo(now.toJson().getString("last_changed"));
  }

  @Test
  void should_fail_with_not_found_for_an_unknown_entity() {
    startHome(new VirtualHomeOptions());
    HomeAssistantClient client = connected();

    Throwable failure = catchThrowable(() -> client.callService(
        ServiceCall.of("light", "turn_on", Target.entities("light.nowhere"))).await());

    assertThat(failure).isInstanceOf(HomeAssistantException.class);
    assertThat(((HomeAssistantException) failure).code()).isEqualTo("not_found");
    assertThat(client.connectionState()).isEqualTo(ConnectionState.CONNECTED);
  }

  @Test
  void should_render_templates_fire_events_and_process_conversations() {
    startHome(new VirtualHomeOptions());
    HomeAssistantClient client = connected();

    assertThat(client.renderTemplate("Light is {{ states('light.kitchen') }}").await()).isEqualTo("Light is off");
    client.fireEvent("harpou_test", new JsonObject().put("x", 1)).await();
    JsonObject answer = client.processConversation("turn on the kitchen light", "en", null).await();

    assertThat(answer.getJsonObject("response")).isNotNull();
    assertThat(answer.getString("conversation_id")).isNotBlank();
  }

  @Test
  void should_sync_a_generated_house_of_5000_entities_completely() {
    startHome(new VirtualHomeOptions().setGeneratedEntities(5_000));
    HomeAssistantClient client = connected();

    assertThat(home.entityIds().size()).isGreaterThanOrEqualTo(5_000);
    assertThat(client.states()).hasSize(home.entityIds().size());
    String last = home.entityIds().get(home.entityIds().size() - 1);
    assertThat(client.state(last).orElseThrow().state()).isEqualTo(home.state(last).getString("state"));
    assertThat(client.entities()).hasSize(home.entityIds().size());
    assertThat(client.areaOf(last)).isPresent();
  }
}
