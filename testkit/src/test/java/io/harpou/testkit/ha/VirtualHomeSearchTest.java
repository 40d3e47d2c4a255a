package io.harpou.testkit.ha;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code search/related} answers what a script or scene acts on, as Home Assistant's search integration does. */
class VirtualHomeSearchTest extends VirtualHomeTestBase {

  private static JsonObject search(WsTestClient c, int id, String type, String item) {
    return c.call(new JsonObject().put("id", id).put("type", "search/related").put("item_type", type)
        .put("item_id", item));
  }

  @Test
  void should_list_what_a_script_acts_on_with_its_devices_and_areas_but_not_the_script_itself() {
    try (WsTestClient c = client()) {
      JsonObject result = search(c, 1, "script", "script.good_night").getJsonObject("result");

      assertThat(result.getJsonArray("entity")).containsExactlyInAnyOrder("all", "lock.front_door",
          "cover.bedroom_blinds", "cover.living_room_shutters", "cover.garage_door");
      assertThat(result.getJsonArray("device")).contains("nuki_lock");
      assertThat(result.getJsonArray("area")).contains("living_room", "garage", "bedroom");
      assertThat(result.getJsonArray("floor")).contains("ground_floor");
      assertThat(result.getJsonArray("integration")).contains("nuki");
      assertThat(result.containsKey("script")).isFalse();
    }
  }

  @Test
  void should_list_the_members_of_a_scene_and_answer_an_unknown_item_with_nothing() {
    try (WsTestClient c = client()) {
      JsonObject scene = search(c, 1, "scene", "scene.movie_night").getJsonObject("result");
      JsonObject unknown = search(c, 2, "automation", "automation.nothing_here");

      assertThat(scene.getJsonArray("entity")).containsExactlyInAnyOrder("light.living_room_lamp",
          "light.living_room_ceiling", "cover.living_room_shutters", "media_player.living_room_tv");
      assertThat(unknown.getBoolean("success")).isTrue();
      assertThat(unknown.getJsonObject("result")).isEqualTo(new JsonObject());
    }
  }

  @Test
  void should_reject_an_unknown_item_type() {
    try (WsTestClient c = client()) {
      JsonObject reply = search(c, 1, "gadget", "script.good_night");

      assertThat(reply.getBoolean("success")).isFalse();
      assertThat(reply.getJsonObject("error").getString("code")).isEqualTo("invalid_format");
    }
  }

  @Test
  void should_search_nested_scripts_in_full_and_unwrap_their_scenes() throws Exception {
    JsonObject unlockIfPorchLit = new JsonObject()
        .put("if", new JsonArray().add(new JsonObject().put("condition", "state").put("entity_id", "light.porch")
            .put("state", "on")))
        .put("then", new JsonArray().add(new JsonObject().put("action", "lock.unlock")
            .put("target", new JsonObject().put("entity_id", "lock.back_door"))));
    JsonArray outer = new JsonArray()
        .add(new JsonObject().put("scene", "scene.evening"))
        .add(new JsonObject().put("service", "script.turn_on")
            .put("target", new JsonObject().put("entity_id", "script.inner")))
        .add(new JsonObject().put("service", "light.turn_off").put("target", new JsonObject().put("area_id", "hall")));
    JsonObject house = new JsonObject()
        .put("areas", new JsonArray().add(new JsonObject().put("area_id", "hall").put("name", "Hall")))
        .put("entities", new JsonArray()
            .add(new JsonObject().put("entity_id", "lock.back_door").put("area_id", "hall"))
            .add(new JsonObject().put("entity_id", "light.porch"))
            .add(new JsonObject().put("entity_id", "scene.evening").put("scene_entities", new JsonObject()
                .put("light.porch", new JsonObject().put("state", "on"))))
            .add(new JsonObject().put("entity_id", "script.inner")
                .put("sequence", new JsonArray().add(unlockIfPorchLit)))
            .add(new JsonObject().put("entity_id", "script.outer").put("sequence", outer)));
    VirtualHomeAssistant custom = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions()
        .setAccessToken("test-token").setHouse(house)).start().await(30, TimeUnit.SECONDS);
    try (WsTestClient c = WsTestClient.authenticated(vertx, custom)) {
      JsonObject result = search(c, 1, "script", "script.outer").getJsonObject("result");

      assertThat(result.getJsonArray("entity")).containsExactlyInAnyOrder("scene.evening", "light.porch",
          "script.inner", "lock.back_door");
      assertThat(result.getJsonArray("script")).containsExactly("script.inner");
      assertThat(result.getJsonArray("scene")).containsExactly("scene.evening");
      assertThat(result.getJsonArray("area")).containsExactly("hall");
    } finally {
      custom.close().await(30, TimeUnit.SECONDS);
    }
  }
}
