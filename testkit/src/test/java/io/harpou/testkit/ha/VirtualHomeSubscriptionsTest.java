package io.harpou.testkit.ha;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class VirtualHomeSubscriptionsTest extends VirtualHomeTestBase {

  @Test
  void should_send_the_compressed_snapshot_then_diffs() {
    try (WsTestClient c = client()) {
      c.send(new JsonObject().put("id", 1).put("type", "subscribe_entities")
          .put("entity_ids", new JsonArray().add("light.kitchen").add("light.office")));
      assertThat(c.next()).isEqualTo(new JsonObject().put("id", 1).put("type", "result").put("success", true)
          .putNull("result"));
      JsonObject initial = c.next().getJsonObject("event").getJsonObject("a");
      assertThat(initial.fieldNames()).containsExactlyInAnyOrder("light.kitchen", "light.office");
      JsonObject kitchen = initial.getJsonObject("light.kitchen");
      assertThat(kitchen.getString("s")).isEqualTo("off");
      assertThat(kitchen.getValue("c")).isInstanceOf(String.class);
      assertThat(kitchen.getValue("lc")).isInstanceOf(Double.class);
      assertThat(kitchen.containsKey("lu")).isFalse();
      assertThat(kitchen.getJsonObject("a").getString("friendly_name")).isEqualTo("Kitchen light");

      c.send(new JsonObject().put("id", 2).put("type", "call_service").put("domain", "light")
          .put("service", "turn_on").put("service_data", new JsonObject().put("brightness", 100))
          .put("target", new JsonObject().put("entity_id", "light.kitchen")));
      JsonObject diff = c.next().getJsonObject("event").getJsonObject("c").getJsonObject("light.kitchen");
      JsonObject plus = diff.getJsonObject("+");
      assertThat(plus.getString("s")).isEqualTo("on");
      assertThat(plus.getValue("lc")).isInstanceOf(Double.class);
      assertThat(plus.containsKey("lu")).isFalse();
      assertThat(plus.getJsonObject("a")).isEqualTo(new JsonObject().put("color_mode", "brightness")
          .put("brightness", 100));
      assertThat(plus.getJsonObject("c")).isEqualTo(new JsonObject().put("user_id",
          c.next().getJsonObject("result").getJsonObject("context").getString("user_id"))
          .put("id", plus.getJsonObject("c").getString("id")));

      home.setState("light.kitchen", "on", home.state("light.kitchen").getJsonObject("attributes").copy()
          .put("effect", "none"));
      JsonObject attrOnly = c.next().getJsonObject("event").getJsonObject("c").getJsonObject("light.kitchen");
      assertThat(attrOnly.getJsonObject("+").containsKey("s")).isFalse();
      assertThat(attrOnly.getJsonObject("+").getValue("lu")).isInstanceOf(Double.class);
      assertThat(attrOnly.getJsonObject("+").getJsonObject("c")).isEqualTo(new JsonObject().putNull("user_id")
          .put("id", attrOnly.getJsonObject("+").getJsonObject("c").getString("id")));

      JsonObject fewer = home.state("light.kitchen").getJsonObject("attributes").copy();
      fewer.remove("effect");
      home.setState("light.kitchen", "on", fewer);
      JsonObject removal = c.next().getJsonObject("event").getJsonObject("c").getJsonObject("light.kitchen");
      assertThat(removal.getJsonObject("-")).isEqualTo(new JsonObject().put("a", new JsonArray().add("effect")));
      assertThat(removal.getJsonObject("+").getValue("c")).isInstanceOf(String.class);

      home.removeState("light.office");
      assertThat(c.next().getJsonObject("event")).isEqualTo(new JsonObject().put("r",
          new JsonArray().add("light.office")));
      home.setState("light.office", "on");
      assertThat(c.next().getJsonObject("event").getJsonObject("a").getJsonObject("light.office")
          .getString("s")).isEqualTo("on");
    }
  }

  @Test
  void should_stop_events_after_unsubscribe_and_answer_not_found_for_unknown_subscription() throws Exception {
    try (WsTestClient c = client()) {
      c.send(new JsonObject().put("id", 1).put("type", "subscribe_events"));
      c.next();
      c.send(new JsonObject().put("id", 2).put("type", "fire_event").put("event_type", "doorbell_pressed")
          .put("event_data", new JsonObject().put("button", "front")));
      JsonObject event = c.next();
      assertThat(event.getInteger("id")).isEqualTo(1);
      assertThat(event.getJsonObject("event").getString("event_type")).isEqualTo("doorbell_pressed");
      assertThat(event.getJsonObject("event").getJsonObject("data").getString("button")).isEqualTo("front");
      assertThat(c.next().getJsonObject("result").getJsonObject("context").getString("id")).hasSize(26);
      assertThat(c.call(new JsonObject().put("id", 3).put("type", "unsubscribe_events").put("subscription", 1))
          .getBoolean("success")).isTrue();
      JsonObject again = c.call(new JsonObject().put("id", 4).put("type", "unsubscribe_events")
          .put("subscription", 1));
      assertThat(again.getJsonObject("error")).isEqualTo(new JsonObject().put("code", "not_found")
          .put("message", "Subscription not found."));
      home.setState("switch.coffee_machine", "on");
      assertThat(c.call(new JsonObject().put("id", 5).put("type", "ping")).getString("type")).isEqualTo("pong");
    }
  }

  @Test
  void should_list_registries_with_areas_inherited_from_devices() {
    try (WsTestClient c = client()) {
      JsonArray floors = c.call(new JsonObject().put("id", 1).put("type", "config/floor_registry/list"))
          .getJsonArray("result");
      JsonArray areas = c.call(new JsonObject().put("id", 2).put("type", "config/area_registry/list"))
          .getJsonArray("result");
      JsonArray devices = c.call(new JsonObject().put("id", 3).put("type", "config/device_registry/list"))
          .getJsonArray("result");
      JsonArray entities = c.call(new JsonObject().put("id", 4).put("type", "config/entity_registry/list"))
          .getJsonArray("result");
      assertThat(floors).hasSize(2);
      Map<String, JsonObject> areaById = index(areas, "area_id");
      Map<String, JsonObject> deviceById = index(devices, "id");
      Map<String, JsonObject> entityById = index(entities, "entity_id");

      JsonObject kitchenLight = entityById.get("light.kitchen");
      assertThat(kitchenLight.getValue("area_id")).isNull();
      JsonObject device = deviceById.get(kitchenLight.getString("device_id"));
      assertThat(device.getString("manufacturer")).isEqualTo("Signify");
      JsonObject area = areaById.get(device.getString("area_id"));
      assertThat(area.getString("name")).isEqualTo("Kitchen");
      assertThat(area.getString("floor_id")).isEqualTo("ground_floor");
      assertThat(kitchenLight.getJsonArray("aliases")).contains("lumière de la cuisine");
      assertThat(kitchenLight.getString("name")).isEqualTo("Kitchen light");
      assertThat(kitchenLight.getValue("created_at")).isInstanceOf(Double.class);

      assertThat(entityById.get("light.garden").getString("area_id")).isEqualTo("garden");
      assertThat(deviceById.get(entityById.get("media_player.living_room_tv").getString("device_id"))
          .getString("manufacturer")).isEqualTo("Samsung");
      for (String id : new String[] {"light.living_room_lamp", "light.bedroom", "light.office", "switch.coffee_machine",
          "fan.bedroom", "cover.bedroom_blinds", "cover.garage_door", "climate.living_room", "media_player.soundbar",
          "media_player.kitchen_speaker", "lock.front_door", "camera.front_door", "camera.garden",
          "sensor.litter_box_status", "sensor.cat_feeder_food_level", "sensor.living_room_temperature",
          "sensor.outdoor_temperature", "binary_sensor.front_door_contact", "scene.movie_night",
          "todo.shopping_list"}) {
        assertThat(entityById).containsKey(id);
        assertThat(entityById.get(id).getJsonArray("aliases")).isNotEmpty();
      }
    }
  }

  @Test
  void should_render_a_template_and_re_render_on_change() {
    try (WsTestClient c = client()) {
      c.send(new JsonObject().put("id", 1).put("type", "render_template")
          .put("template", "Coffee is {{ states('switch.coffee_machine') }}"));
      assertThat(c.next().getBoolean("success")).isTrue();
      JsonObject first = c.next().getJsonObject("event");
      assertThat(first.getString("result")).isEqualTo("Coffee is off");
      assertThat(first.getJsonObject("listeners").getJsonArray("entities")).containsExactly("switch.coffee_machine");
      home.setState("switch.coffee_machine", "on");
      assertThat(c.next().getJsonObject("event").getString("result")).isEqualTo("Coffee is on");
      JsonObject bad = c.call(new JsonObject().put("id", 2).put("type", "render_template")
          .put("template", "{{ now() }}"));
      assertThat(bad.getJsonObject("error").getString("code")).isEqualTo("template_error");
    }
  }

  @Test
  void should_process_a_conversation_over_websocket() {
    try (WsTestClient c = client()) {
      JsonObject result = c.call(new JsonObject().put("id", 1).put("type", "conversation/process")
          .put("text", "Allume la lumière de la cuisine").put("language", "fr")).getJsonObject("result");
      assertThat(result.getJsonObject("response").getString("response_type")).isEqualTo("action_done");
      assertThat(result.getString("conversation_id")).hasSize(26);
      assertThat(home.state("light.kitchen").getString("state")).isEqualTo("on");
    }
  }

  private static Map<String, JsonObject> index(JsonArray array, String key) {
    return array.stream().map(o -> (JsonObject) o).collect(Collectors.toMap(o -> o.getString(key),
        Function.identity()));
  }
}
