package io.harpou.tools.home;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.voice.Announcement;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each home tool against the demo house in the virtual Home Assistant, through the real client. */
class HomeToolsTest {

  private VirtualHome home;

  @BeforeEach
  void start() {
    home = new VirtualHome(new JsonObject().put("exposure", new JsonObject()
        .put("exclude_entities", new JsonArray().add("light.office"))));
  }

  @AfterEach
  void stop() {
    home.close();
  }

  private ToolResult run(String tool, JsonObject args) {
    return home.run(tool, args, "en", null);
  }

  private static JsonObject id(String entityId) {
    return new JsonObject().put("entity_id", entityId);
  }

  @Test
  void should_declare_every_tool_with_a_schema_and_protect_locks_and_garage_doors() {
    assertThat(home.tools.keySet()).contains("get_live_context", "find_entities", "get_state", "turn_on", "turn_off",
        "toggle", "set_light", "set_climate", "set_cover", "set_garage_door", "media_control", "lock", "unlock",
        "activate_scene", "run_script", "camera_snapshot", "add_to_list", "get_list_items", "call_service",
        "call_protected_service", "announce");
    for (String name : List.of("lock", "unlock", "set_garage_door", "call_protected_service")) {
      assertThat(home.tools.get(name).spec().risk()).as(name).isEqualTo(Risk.PROTECTED);
    }
    assertThat(home.tools.get("turn_on").spec().risk()).isEqualTo(Risk.ACT);
    assertThat(home.tools.get("get_state").spec().risk()).isEqualTo(Risk.READ);
    home.tools.values().forEach(t -> assertThat(t.spec().parameters().getString("type")).isEqualTo("object"));
  }

  @Test
  void should_switch_lights_and_switches_on_and_off() {
    assertThat(run("turn_on", id("light.kitchen")).text()).isEqualTo("Turned on Kitchen light.");
    assertThat(home.state("light.kitchen")).isEqualTo("on");
    run("turn_off", new JsonObject().put("name", "coffee machine"));
    assertThat(home.state("switch.coffee_machine")).isEqualTo("off");
    run("toggle", id("switch.coffee_machine"));
    assertThat(home.state("switch.coffee_machine")).isEqualTo("on");
    run("turn_off", new JsonObject().put("area", "living room").put("domain", "light"));
    assertThat(home.state("light.living_room_lamp")).isEqualTo("off");
  }

  @Test
  void should_sweep_an_area_without_its_camera_and_leave_garage_doors_to_the_protected_tool() {
    home.ha.setState("light.garden", "on");
    home.ha.setState("switch.garden_sprinkler", "on");

    ToolResult garden = run("turn_off", new JsonObject().put("area", "garden"));
    ToolResult garage = run("turn_off", new JsonObject().put("area", "garage"));

    assertThat(garden.error()).isFalse();
    assertThat(home.state("light.garden")).isEqualTo("off");
    assertThat(home.state("switch.garden_sprinkler")).isEqualTo("off");
    assertThat(home.state("camera.garden")).isEqualTo("idle");
    assertThat(garage.error()).isTrue();
    assertThat(home.state("cover.garage_door")).isEqualTo("closed");
    assertThat(home.ha.calls()).noneMatch(c -> c.domain().equals("camera") || c.domain().equals("cover"));
  }

  @Test
  void should_answer_in_french() {
    assertThat(home.run("turn_on", id("light.kitchen"), "fr", null).text())
        .isEqualTo("J'ai allumé la lumière de la cuisine.");
  }

  @Test
  void should_set_brightness_colour_and_colour_temperature() {
    run("set_light", id("light.bedroom").put("brightness", 50));
    assertThat(home.attributes("light.bedroom").getInteger("brightness")).isEqualTo(128);
    run("set_light", id("light.living_room_lamp").put("color", "red"));
    JsonObject coloured = home.attributes("light.living_room_lamp");
    assertThat(coloured.getValue("rgb_color") != null || coloured.getValue("hs_color") != null).as(coloured.encode())
        .isTrue();
    assertThat(String.valueOf(coloured.getValue("hs_color", coloured.getValue("rgb_color")))).startsWith("[0");
    run("set_light", id("light.bedroom").put("color_temp_kelvin", 3000));
    assertThat(home.attributes("light.bedroom").getInteger("color_temp_kelvin")).isEqualTo(3000);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> run("set_light", id("light.bedroom")
        .put("color", "no such colour"))).hasMessageContaining("unknown colour");
  }

  @Test
  void should_set_climate_and_refuse_out_of_range() {
    run("set_climate", id("climate.living_room").put("temperature", 22.5));
    assertThat(home.attributes("climate.living_room").getDouble("temperature")).isEqualTo(22.5);
    run("set_climate", id("climate.living_room").put("hvac_mode", "off"));
    assertThat(home.state("climate.living_room")).isEqualTo("off");
    assertThat(run("set_climate", id("climate.living_room").put("temperature", 90)).error()).isTrue();
  }

  @Test
  void should_move_covers_but_send_garage_doors_to_the_protected_tool() {
    run("set_cover", id("cover.bedroom_blinds").put("action", "open"));
    assertThat(home.state("cover.bedroom_blinds")).isIn("open", "opening");
    run("set_cover", id("cover.living_room_shutters").put("action", "position").put("position", 40));
    assertThat(home.attributes("cover.living_room_shutters").getInteger("current_position")).isEqualTo(40);
    ToolResult refused = run("set_cover", id("cover.garage_door").put("action", "open"));
    assertThat(refused.error()).isTrue();
    assertThat(refused.text()).contains("protected").contains("set_garage_door");
    assertThat(home.state("cover.garage_door")).isEqualTo("closed");
    run("set_garage_door", id("cover.garage_door").put("action", "open"));
    assertThat(home.state("cover.garage_door")).isIn("open", "opening");
  }

  @Test
  void should_control_media_players() {
    run("media_control", id("media_player.soundbar").put("action", "volume_set").put("volume", 30));
    assertThat(home.attributes("media_player.soundbar").getDouble("volume_level")).isEqualTo(0.3);
    run("media_control", id("media_player.soundbar").put("action", "mute"));
    assertThat(home.attributes("media_player.soundbar").getBoolean("is_volume_muted")).isTrue();
    run("media_control", id("media_player.soundbar").put("action", "play"));
    assertThat(home.state("media_player.soundbar")).isEqualTo("playing");
    run("media_control", id("media_player.soundbar").put("action", "pause"));
    assertThat(home.state("media_player.soundbar")).isEqualTo("paused");
  }

  @Test
  void should_lock_and_unlock_and_keep_locks_away_from_ordinary_tools() {
    run("unlock", id("lock.front_door"));
    assertThat(home.state("lock.front_door")).isEqualTo("unlocked");
    run("lock", id("lock.front_door"));
    assertThat(home.state("lock.front_door")).isEqualTo("locked");
    assertThat(run("call_service", id("lock.front_door").put("service", "unlock")).error()).isTrue();
    assertThat(home.state("lock.front_door")).isEqualTo("locked");
    run("call_protected_service", id("lock.front_door").put("service", "lock.unlock"));
    assertThat(home.state("lock.front_door")).isEqualTo("unlocked");
  }

  @Test
  void should_activate_scenes_run_scripts_and_call_services() {
    assertThat(run("activate_scene", new JsonObject().put("name", "movie night")).error()).isFalse();
    assertThat(home.state("scene.movie_night")).isNotEqualTo("unknown");
    assertThat(run("run_script", id("script.good_night")).error()).isFalse();
    run("call_service", id("fan.bedroom").put("service", "fan.set_percentage")
        .put("data", new JsonObject().put("percentage", 50)));
    assertThat(home.attributes("fan.bedroom").getInteger("percentage")).isEqualTo(50);
  }

  @Test
  void should_add_to_and_read_the_shopping_list() {
    assertThat(run("add_to_list", new JsonObject().put("item", "Oat milk")).text())
        .isEqualTo("Added Oat milk to Shopping list.");
    assertThat(run("get_list_items", new JsonObject()).text()).contains("Oat milk");
  }

  @Test
  void should_read_states_and_the_live_context_without_hidden_entities() {
    JsonObject state = run("get_state", id("sensor.living_room_temperature")).json();
    assertThat(state.getJsonArray("entities").getJsonObject(0).getString("state")).isEqualTo("20.5");
    String context = run("get_live_context", new JsonObject()).text();
    assertThat(context).contains("light.kitchen").contains("lock.front_door").doesNotContain("light.office")
        .doesNotContain("timer.kitchen");
    JsonArray found = run("find_entities", new JsonObject().put("query", "lamp")).json().getJsonArray("entities");
    assertThat(found.getJsonObject(0).getString("entity_id")).isEqualTo("light.living_room_lamp");
  }

  @Test
  void should_treat_hidden_entities_as_unknown_in_every_tool() {
    for (Tool tool : home.tools.values()) {
      if (tool.spec().parameters().getJsonObject("properties").containsKey("entity_id")
          && !tool.name().equals("find_entities")) {
        ToolResult result;
        try {
          result = run(tool.name(), id("light.office").put("action", "play").put("service", "turn_on")
              .put("item", "x"));
        } catch (RuntimeException argumentError) {
          continue;
        }
        assertThat(result.error()).as(tool.name()).isTrue();
        assertThat(result.text()).as(tool.name()).contains("I don't know light.office");
      }
    }
    assertThat(run("find_entities", new JsonObject().put("query", "office")).content()).doesNotContain("light.office");
    assertThat(home.state("light.office")).isEqualTo("off");
  }

  @Test
  void should_suggest_names_for_an_unknown_entity_and_ask_on_ambiguity() {
    ToolResult unknown = run("turn_on", id("light.kitchn"));
    assertThat(unknown.error()).isTrue();
    ToolResult ambiguous = run("turn_on", new JsonObject().put("name", "light").put("area", "living room"));
    assertThat(ambiguous.error()).isTrue();
    assertThat(ambiguous.text()).startsWith("Which light:");
  }

  @Test
  void should_announce_only_when_voice_runs() {
    assertThat(run("announce", new JsonObject().put("message", "Dinner!").put("room", "kitchen")).error()).isTrue();
    List<Announcement> spoken = new CopyOnWriteArrayList<>();
    Utterance u = new Utterance("x", "en", null, null, "kitchen", null, null);
    ToolContext ctx = ToolContext.builder(home.vertx, u).home(home.client).announcer(a -> {
      spoken.add(a);
      return Future.succeededFuture();
    }).build();
    ToolResult ok = home.tools.get("announce").call(ToolCall.of("announce", new JsonObject().put("message",
        "Dinner!")), ctx).await();
    assertThat(ok.error()).isFalse();
    assertThat(spoken).containsExactly(new Announcement("kitchen", "Dinner!", "en"));
  }

  @Test
  void should_report_a_disconnected_home_as_an_error_result() throws Exception {
    Utterance u = Utterance.of("x");
    ToolContext ctx = ToolContext.builder(home.vertx, u).build();
    assertThat(home.tools.get("get_state").call(ToolCall.of("get_state", id("light.kitchen")), ctx).await().error())
        .isTrue();
    assertThat(Files.exists(Path.of("."))).isTrue();
  }
}
