package io.harpou.testkit.ha;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class VirtualHomeServicesTest extends VirtualHomeTestBase {

  private int nextId = 1;

  private JsonObject call(WsTestClient c, String domain, String service, JsonObject data, JsonObject target) {
    JsonObject msg = new JsonObject().put("id", nextId++).put("type", "call_service").put("domain", domain)
        .put("service", service);
    if (data != null) {
      msg.put("service_data", data);
    }
    if (target != null) {
      msg.put("target", target);
    }
    c.send(msg);
    return c.nextFor(msg.getInteger("id"));
  }

  private static JsonObject entity(String... ids) {
    return new JsonObject().put("entity_id", ids.length == 1 ? ids[0] : new JsonArray(java.util.List.of(ids)));
  }

  private String state(String entityId) {
    return home.state(entityId).getString("state");
  }

  private JsonObject attrs(String entityId) {
    return home.state(entityId).getJsonObject("attributes");
  }

  @Test
  void should_turn_a_light_on_and_emit_state_changed_with_the_call_context() {
    try (WsTestClient c = client()) {
      c.send(new JsonObject().put("id", nextId++).put("type", "subscribe_events").put("event_type", "state_changed"));
      assertThat(c.next().getBoolean("success")).isTrue();
      c.send(new JsonObject().put("id", nextId++).put("type", "call_service").put("domain", "light")
          .put("service", "turn_on").put("service_data", new JsonObject().put("brightness_pct", 50)
              .put("color_temp_kelvin", 2700)).put("target", entity("light.bedroom")));
      JsonObject event = c.next().getJsonObject("event");
      JsonObject result = c.next();
      assertThat(result.getBoolean("success")).isTrue();
      String contextId = result.getJsonObject("result").getJsonObject("context").getString("id");
      assertThat(contextId).hasSize(26);
      assertThat(result.getJsonObject("result").containsKey("response")).isFalse();

      assertThat(event.getString("event_type")).isEqualTo("state_changed");
      assertThat(event.getString("origin")).isEqualTo("LOCAL");
      JsonObject data = event.getJsonObject("data");
      assertThat(data.getString("entity_id")).isEqualTo("light.bedroom");
      assertThat(data.getJsonObject("old_state").getString("state")).isEqualTo("off");
      assertThat(data.getJsonObject("new_state").getString("state")).isEqualTo("on");
      assertThat(data.getJsonObject("new_state").getJsonObject("context").getString("id")).isEqualTo(contextId);
      assertThat(event.getJsonObject("context").getString("id")).isEqualTo(contextId);
      assertThat(attrs("light.bedroom").getInteger("brightness")).isEqualTo(128);
      assertThat(attrs("light.bedroom").getInteger("color_temp_kelvin")).isEqualTo(2700);
      assertThat(attrs("light.bedroom").getString("color_mode")).isEqualTo("color_temp");
    }
    RecordedServiceCall recorded = home.takeCall(Duration.ofSeconds(1));
    assertThat(recorded.domain()).isEqualTo("light");
    assertThat(recorded.entityIds()).containsExactly("light.bedroom");
    assertThat(recorded.data().getJsonArray("entity_id")).containsExactly("light.bedroom");
  }

  @Test
  void should_apply_rgb_colour_and_clear_colour_attributes_when_off() {
    try (WsTestClient c = client()) {
      call(c, "light", "turn_on", new JsonObject().put("rgb_color", new JsonArray().add(255).add(0).add(0)),
          entity("light.living_room_lamp"));
      assertThat(attrs("light.living_room_lamp").getJsonArray("rgb_color")).containsExactly(255, 0, 0);
      assertThat(attrs("light.living_room_lamp").getJsonArray("hs_color").getDouble(0)).isEqualTo(0.0);
      call(c, "light", "toggle", null, entity("light.living_room_lamp"));
      assertThat(state("light.living_room_lamp")).isEqualTo("off");
      assertThat(attrs("light.living_room_lamp").getValue("rgb_color")).isNull();
      assertThat(attrs("light.living_room_lamp").getValue("brightness")).isNull();
      assertThat(attrs("light.living_room_lamp").getValue("color_mode")).isNull();
    }
  }

  @Test
  void should_answer_not_found_with_translation_for_an_unknown_service() {
    try (WsTestClient c = client()) {
      JsonObject error = call(c, "light", "explode", null, entity("light.kitchen")).getJsonObject("error");
      assertThat(error).isEqualTo(new JsonObject().put("code", "not_found")
          .put("message", "Service light.explode not found.").put("translation_key", "service_not_found")
          .put("translation_placeholders", new JsonObject().put("domain", "light").put("service", "explode"))
          .put("translation_domain", "homeassistant"));
    }
  }

  @Test
  void should_answer_not_found_for_an_unknown_entity() {
    try (WsTestClient c = client()) {
      JsonObject error = call(c, "light", "turn_on", null, entity("light.attic")).getJsonObject("error");
      assertThat(error.getString("code")).isEqualTo("not_found");
      assertThat(error.getString("message")).contains("light.attic");
      assertThat(error.getString("translation_domain")).isEqualTo("homeassistant");
    }
  }

  @Test
  void should_reject_bad_service_data_as_invalid_format() {
    try (WsTestClient c = client()) {
      JsonObject extra = call(c, "light", "turn_on", new JsonObject().put("sparkle", true), entity("light.kitchen"));
      assertThat(extra.getJsonObject("error").getString("code")).isEqualTo("invalid_format");
      assertThat(extra.getJsonObject("error").getString("message")).isEqualTo("extra keys not allowed @ data['sparkle']");
      JsonObject range = call(c, "light", "turn_on", new JsonObject().put("brightness", 300), entity("light.kitchen"));
      assertThat(range.getJsonObject("error").getString("message")).contains("value must be at most 255");
      JsonObject missing = call(c, "fan", "set_percentage", null, entity("fan.bedroom"));
      assertThat(missing.getJsonObject("error").getString("message"))
          .isEqualTo("required key not provided @ data['percentage']");
      JsonObject badShape = c.call(new JsonObject().put("id", nextId++).put("type", "call_service")
          .put("domain", "light").put("service", "turn_on").put("service_data", "bright"));
      assertThat(badShape.getJsonObject("error").getString("code")).isEqualTo("invalid_format");
      assertThat(state("light.kitchen")).isEqualTo("off");
    }
  }

  @Test
  void should_return_todo_items_only_when_asked_for_a_response() {
    try (WsTestClient c = client()) {
      call(c, "todo", "add_item", new JsonObject().put("item", "Bread"), entity("todo.shopping_list"));
      assertThat(state("todo.shopping_list")).isEqualTo("3");
      JsonObject msg = new JsonObject().put("id", nextId++).put("type", "call_service").put("domain", "todo")
          .put("service", "get_items").put("target", entity("todo.shopping_list")).put("return_response", true)
          .put("service_data", new JsonObject().put("status", "needs_action"));
      JsonObject result = c.call(msg).getJsonObject("result");
      JsonArray items = result.getJsonObject("response").getJsonObject("todo.shopping_list").getJsonArray("items");
      assertThat(items.stream().map(i -> ((JsonObject) i).getString("summary"))).containsExactly("Milk", "Cat food",
          "Bread");
      JsonObject without = call(c, "todo", "get_items", null, entity("todo.shopping_list"));
      assertThat(without.getJsonObject("error").getString("code")).isEqualTo("service_validation_error");
      call(c, "todo", "update_item", new JsonObject().put("item", "Milk").put("status", "completed"),
          entity("todo.shopping_list"));
      call(c, "todo", "remove_item", new JsonObject().put("item", "Bread"), entity("todo.shopping_list"));
      assertThat(state("todo.shopping_list")).isEqualTo("1");
    }
  }

  @Test
  void should_refuse_return_response_on_a_service_without_responses() {
    try (WsTestClient c = client()) {
      JsonObject reply = c.call(new JsonObject().put("id", 1).put("type", "call_service").put("domain", "light")
          .put("service", "turn_on").put("target", entity("light.kitchen")).put("return_response", true));
      assertThat(reply.getJsonObject("error").getString("code")).isEqualTo("service_validation_error");
      assertThat(reply.getJsonObject("error").getString("translation_key"))
          .isEqualTo("service_does_not_support_response");
    }
  }

  @Test
  void should_target_entities_by_area_including_those_placed_through_their_device() {
    try (WsTestClient c = client()) {
      call(c, "light", "turn_on", null, new JsonObject().put("area_id", "kitchen"));
      assertThat(state("light.kitchen")).isEqualTo("on");
      assertThat(state("light.living_room_lamp")).isEqualTo("on");
      call(c, "light", "turn_off", null, new JsonObject().put("floor_id", "ground_floor"));
      assertThat(state("light.kitchen")).isEqualTo("off");
      assertThat(state("light.garden")).isEqualTo("off");
      call(c, "switch", "turn_on", null, new JsonObject().put("device_id", "coffee_plug"));
      assertThat(state("switch.coffee_machine")).isEqualTo("on");
    }
  }

  @Test
  void should_take_the_entity_from_service_data_too() {
    try (WsTestClient c = client()) {
      call(c, "switch", "turn_on", new JsonObject().put("entity_id", "switch.coffee_machine"), null);
      assertThat(state("switch.coffee_machine")).isEqualTo("on");
    }
  }

  @Test
  void should_run_homeassistant_turn_on_for_any_domain() {
    try (WsTestClient c = client()) {
      call(c, "homeassistant", "turn_on", null, entity("switch.coffee_machine", "light.office",
          "cover.bedroom_blinds"));
      assertThat(state("switch.coffee_machine")).isEqualTo("on");
      assertThat(state("light.office")).isEqualTo("on");
      assertThat(state("cover.bedroom_blinds")).isEqualTo("open");
      call(c, "homeassistant", "toggle", null, entity("light.office"));
      assertThat(state("light.office")).isEqualTo("off");
    }
  }

  @Test
  void should_move_covers_and_set_their_position() {
    try (WsTestClient c = client()) {
      call(c, "cover", "set_cover_position", new JsonObject().put("position", 40), entity("cover.bedroom_blinds"));
      assertThat(state("cover.bedroom_blinds")).isEqualTo("open");
      assertThat(attrs("cover.bedroom_blinds").getInteger("current_position")).isEqualTo(40);
      call(c, "cover", "open_cover", null, entity("cover.garage_door"));
      assertThat(state("cover.garage_door")).isEqualTo("open");
      JsonObject noPosition = call(c, "cover", "set_cover_position", new JsonObject().put("position", 10),
          entity("cover.garage_door"));
      assertThat(noPosition.getJsonObject("error").getString("code")).isEqualTo("service_validation_error");
    }
  }

  @Test
  void should_set_climate_temperature_and_mode_within_limits() {
    try (WsTestClient c = client()) {
      call(c, "climate", "set_temperature", new JsonObject().put("temperature", 23), entity("climate.living_room"));
      assertThat(attrs("climate.living_room").getDouble("temperature")).isEqualTo(23.0);
      assertThat(attrs("climate.living_room").getString("hvac_action")).isEqualTo("heating");
      JsonObject tooHot = call(c, "climate", "set_temperature", new JsonObject().put("temperature", 45),
          entity("climate.living_room"));
      assertThat(tooHot.getJsonObject("error").getString("code")).isEqualTo("service_validation_error");
      call(c, "climate", "set_hvac_mode", new JsonObject().put("hvac_mode", "off"), entity("climate.living_room"));
      assertThat(state("climate.living_room")).isEqualTo("off");
    }
  }

  @Test
  void should_drive_a_media_player() {
    try (WsTestClient c = client()) {
      String tv = "media_player.living_room_tv";
      call(c, "media_player", "select_source", new JsonObject().put("source", "Netflix"), entity(tv));
      assertThat(attrs(tv).getString("source")).isEqualTo("Netflix");
      call(c, "media_player", "media_play", null, entity(tv));
      assertThat(state(tv)).isEqualTo("playing");
      call(c, "media_player", "media_pause", null, entity(tv));
      assertThat(state(tv)).isEqualTo("paused");
      call(c, "media_player", "volume_set", new JsonObject().put("volume_level", 0.55), entity(tv));
      assertThat(attrs(tv).getDouble("volume_level")).isEqualTo(0.55);
      call(c, "media_player", "volume_mute", new JsonObject().put("is_volume_muted", true), entity(tv));
      assertThat(attrs(tv).getBoolean("is_volume_muted")).isTrue();
      call(c, "media_player", "play_media", new JsonObject().put("media_content_id", "radio:fip")
          .put("media_content_type", "music"), entity("media_player.kitchen_speaker"));
      assertThat(state("media_player.kitchen_speaker")).isEqualTo("playing");
      assertThat(attrs("media_player.kitchen_speaker").getString("media_content_id")).isEqualTo("radio:fip");
      call(c, "media_player", "media_stop", null, entity("media_player.kitchen_speaker"));
      assertThat(state("media_player.kitchen_speaker")).isEqualTo("idle");
    }
  }

  @Test
  void should_refuse_to_operate_a_jammed_lock() {
    try (WsTestClient c = client()) {
      call(c, "lock", "unlock", null, entity("lock.front_door"));
      assertThat(state("lock.front_door")).isEqualTo("unlocked");
      home.jamLock("lock.front_door");
      JsonObject error = call(c, "lock", "lock", null, entity("lock.front_door")).getJsonObject("error");
      assertThat(error.getString("code")).isEqualTo("home_assistant_error");
      assertThat(state("lock.front_door")).isEqualTo("jammed");
      home.setState("lock.front_door", "unlocked");
      call(c, "lock", "lock", null, entity("lock.front_door"));
      assertThat(state("lock.front_door")).isEqualTo("locked");
    }
  }

  @Test
  void should_apply_a_scene_and_run_a_script() {
    try (WsTestClient c = client()) {
      call(c, "scene", "turn_on", null, entity("scene.movie_night"));
      assertThat(state("light.living_room_lamp")).isEqualTo("on");
      assertThat(attrs("light.living_room_lamp").getInteger("brightness")).isEqualTo(60);
      assertThat(state("cover.living_room_shutters")).isEqualTo("closed");
      assertThat(attrs("media_player.living_room_tv").getString("source")).isEqualTo("Netflix");
      assertThat(state("scene.movie_night")).matches("\\d{4}-.*\\+00:00");
      call(c, "script", "turn_on", null, entity("script.good_night"));
      assertThat(state("light.living_room_lamp")).isEqualTo("off");
      assertThat(state("cover.living_room_shutters")).isEqualTo("closed");
      assertThat(state("media_player.living_room_tv")).isEqualTo("off");
      assertThat(state("script.good_night")).isEqualTo("off");
      assertThat(attrs("script.good_night").getString("last_triggered")).isNotNull();
    }
  }

  @Test
  void should_write_a_camera_snapshot_as_a_valid_png(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("front.png");
    try (WsTestClient c = client()) {
      JsonObject reply = call(c, "camera", "snapshot", new JsonObject().put("filename", file.toString()),
          entity("camera.front_door"));
      assertThat(reply.getBoolean("success")).isTrue();
    }
    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(Files.newInputStream(file));
    assertThat(image.getWidth()).isEqualTo(64);
    assertThat(image.getHeight()).isEqualTo(48);
  }

  @Test
  void should_start_and_cancel_a_timer_and_create_notifications() {
    try (WsTestClient c = client()) {
      call(c, "timer", "start", new JsonObject().put("duration", "00:02:00"), entity("timer.kitchen"));
      assertThat(state("timer.kitchen")).isEqualTo("active");
      assertThat(attrs("timer.kitchen").getString("duration")).isEqualTo("0:02:00");
      call(c, "timer", "cancel", null, entity("timer.kitchen"));
      assertThat(state("timer.kitchen")).isEqualTo("idle");
      call(c, "persistent_notification", "create", new JsonObject().put("message", "Litter box is full")
          .put("title", "Cat"), null);
      assertThat(home.notifications()).hasSize(1);
      assertThat(home.notifications().get(0).getString("message")).isEqualTo("Litter box is full");
    }
  }

  @Test
  void should_set_fan_speed() {
    try (WsTestClient c = client()) {
      call(c, "fan", "turn_on", new JsonObject().put("percentage", 66), entity("fan.bedroom"));
      assertThat(state("fan.bedroom")).isEqualTo("on");
      assertThat(attrs("fan.bedroom").getInteger("percentage")).isEqualTo(66);
      call(c, "fan", "set_percentage", new JsonObject().put("percentage", 0), entity("fan.bedroom"));
      assertThat(state("fan.bedroom")).isEqualTo("off");
    }
  }
}
