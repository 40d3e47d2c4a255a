package io.harpou.testkit.ha;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * The family house and the domains it brings: robots, valves, the alarm, weather forecasts, media search and Music
 * Assistant, each reached through Home Assistant's own WebSocket commands.
 */
class VirtualHomeFamilyHouseTest extends VirtualHomeTestBase {

  private int nextId = 1;

  @Override
  VirtualHomeOptions options() {
    return super.options().setHouse(Houses.family());
  }

  private JsonObject call(WsTestClient c, String domain, String service, JsonObject data, String entityId,
                          boolean response) {
    JsonObject msg = new JsonObject().put("id", nextId++).put("type", "call_service").put("domain", domain)
        .put("service", service).put("target", new JsonObject().put("entity_id", entityId));
    if (data != null) {
      msg.put("service_data", data);
    }
    if (response) {
      msg.put("return_response", true);
    }
    return c.call(msg);
  }

  private String state(String entityId) {
    return home.state(entityId).getString("state");
  }

  @Test
  void should_list_four_floors_with_their_levels() {
    try (WsTestClient c = client()) {
      JsonArray floors = c.call(new JsonObject().put("id", nextId++).put("type", "config/floor_registry/list"))
          .getJsonArray("result");
      assertThat(floors.stream().map(f -> ((JsonObject) f).getInteger("level")).toList())
          .containsExactly(-1, 0, 1, 2);
    }
  }

  @Test
  void should_clean_mapped_areas_and_refuse_an_unmapped_one() {
    try (WsTestClient c = client()) {
      JsonObject ok = call(c, "vacuum", "clean_area", new JsonObject().put("cleaning_area_id",
          new JsonArray().add("kitchen")), "vacuum.robot", false);
      assertThat(ok.getBoolean("success")).isTrue();
      assertThat(state("vacuum.robot")).isEqualTo("cleaning");

      JsonObject refused = call(c, "vacuum", "clean_area", new JsonObject().put("cleaning_area_id", "kitchen"),
          "vacuum.upstairs", false);
      assertThat(refused.getBoolean("success")).isFalse();
      assertThat(refused.getJsonObject("error").getString("code")).isEqualTo("service_validation_error");
      assertThat(state("vacuum.upstairs")).isEqualTo("docked");

      call(c, "vacuum", "return_to_base", null, "vacuum.robot", false);
      assertThat(state("vacuum.robot")).isEqualTo("returning");
    }
  }

  @Test
  void should_mow_dock_and_move_valves() {
    try (WsTestClient c = client()) {
      call(c, "lawn_mower", "start_mowing", null, "lawn_mower.garden", false);
      assertThat(state("lawn_mower.garden")).isEqualTo("mowing");
      call(c, "lawn_mower", "dock", null, "lawn_mower.garden", false);
      assertThat(state("lawn_mower.garden")).isEqualTo("returning");

      call(c, "valve", "set_valve_position", new JsonObject().put("position", 40), "valve.garden_irrigation", false);
      assertThat(state("valve.garden_irrigation")).isEqualTo("open");
      assertThat(home.state("valve.garden_irrigation").getJsonObject("attributes").getInteger("current_position"))
          .isEqualTo(40);
      JsonObject refused = call(c, "valve", "set_valve_position", new JsonObject().put("position", 40),
          "valve.water_main", false);
      assertThat(refused.getBoolean("success")).isFalse();
      call(c, "valve", "close_valve", null, "valve.water_main", false);
      assertThat(state("valve.water_main")).isEqualTo("closed");
    }
  }

  @Test
  void should_set_a_preset_the_thermostat_offers_and_refuse_another() {
    try (WsTestClient c = client()) {
      call(c, "climate", "set_preset_mode", new JsonObject().put("preset_mode", "eco"), "climate.living_room", false);
      assertThat(home.state("climate.living_room").getJsonObject("attributes").getString("preset_mode"))
          .isEqualTo("eco");
      JsonObject refused = call(c, "climate", "set_preset_mode", new JsonObject().put("preset_mode", "party"),
          "climate.living_room", false);
      assertThat(refused.getBoolean("success")).isFalse();
      assertThat(refused.getJsonObject("error").getString("translation_key")).isEqualTo("not_valid_preset_mode");
    }
  }

  @Test
  void should_arm_the_alarm_and_disarm_it_only_with_its_code() {
    try (WsTestClient c = client()) {
      call(c, "alarm_control_panel", "alarm_arm_away", null, "alarm_control_panel.house", false);
      assertThat(state("alarm_control_panel.house")).isEqualTo("armed_away");
      JsonObject wrong = call(c, "alarm_control_panel", "alarm_disarm", new JsonObject().put("code", "0000"),
          "alarm_control_panel.house", false);
      assertThat(wrong.getBoolean("success")).isFalse();
      assertThat(state("alarm_control_panel.house")).isEqualTo("armed_away");
      call(c, "alarm_control_panel", "alarm_disarm", new JsonObject().put("code", "4321"),
          "alarm_control_panel.house", false);
      assertThat(state("alarm_control_panel.house")).isEqualTo("disarmed");
      assertThat(home.state("alarm_control_panel.house").getJsonObject("attributes").containsKey("code")).isFalse();
    }
  }

  @Test
  void should_answer_forecasts_only_with_a_response_and_dated_from_today() {
    try (WsTestClient c = client()) {
      JsonObject daily = call(c, "weather", "get_forecasts", new JsonObject().put("type", "daily"), "weather.home",
          true);
      JsonArray forecast = daily.getJsonObject("result").getJsonObject("response").getJsonObject("weather.home")
          .getJsonArray("forecast");
      assertThat(forecast).hasSize(3);
      assertThat(forecast.getJsonObject(1).getString("condition")).isEqualTo("rainy");
      assertThat(forecast.getJsonObject(0).getString("datetime")).startsWith(java.time.ZonedDateTime.now(
          java.time.ZoneId.of("Europe/Paris")).toLocalDate().toString());

      JsonObject withoutResponse = call(c, "weather", "get_forecasts", new JsonObject().put("type", "daily"),
          "weather.home", false);
      assertThat(withoutResponse.getBoolean("success")).isFalse();
      JsonObject unsupported = call(c, "weather", "get_forecasts", new JsonObject().put("type", "twice_daily"),
          "weather.home", true);
      assertThat(unsupported.getBoolean("success")).isFalse();
    }
  }

  @Test
  void should_search_media_on_players_that_can_and_play_what_was_found() {
    try (WsTestClient c = client()) {
      JsonObject found = call(c, "media_player", "search_media", new JsonObject().put("search_query", "miles davis")
          .put("media_filter_classes", new JsonArray().add("artist")), "media_player.office_speaker", true);
      JsonArray result = found.getJsonObject("result").getJsonObject("response")
          .getJsonObject("media_player.office_speaker").getJsonArray("result");
      assertThat(result).hasSize(1);
      assertThat(result.getJsonObject(0).getString("media_content_id")).isEqualTo("library://artist/12");

      JsonObject refused = call(c, "media_player", "search_media", new JsonObject().put("search_query", "fip"),
          "media_player.living_room_tv", true);
      assertThat(refused.getBoolean("success")).isFalse();

      call(c, "media_player", "play_media", new JsonObject().put("media_content_id", "library://artist/12")
          .put("media_content_type", "artist"), "media_player.office_speaker", false);
      assertThat(state("media_player.office_speaker")).isEqualTo("playing");
    }
  }

  @Test
  void should_let_music_assistant_play_on_its_own_players_only() {
    try (WsTestClient c = client()) {
      JsonObject ok = call(c, "music_assistant", "play_media", new JsonObject().put("media_id", "FIP")
          .put("media_type", "radio"), "media_player.kitchen_speaker", false);
      assertThat(ok.getBoolean("success")).isTrue();
      assertThat(state("media_player.kitchen_speaker")).isEqualTo("playing");
      assertThat(home.state("media_player.kitchen_speaker").getJsonObject("attributes").getString("media_title"))
          .isEqualTo("FIP");

      JsonObject refused = call(c, "music_assistant", "play_media", new JsonObject().put("media_id", "FIP"),
          "media_player.office_speaker", false);
      assertThat(refused.getBoolean("success")).isFalse();
      assertThat(state("media_player.office_speaker")).isEqualTo("idle");
    }
  }

  @Test
  void should_step_fan_speed_and_set_presets_it_offers() {
    try (WsTestClient c = client()) {
      call(c, "fan", "increase_speed", null, "fan.bedroom", false);
      assertThat(home.state("fan.bedroom").getJsonObject("attributes").getInteger("percentage")).isEqualTo(25);
      call(c, "fan", "set_preset_mode", new JsonObject().put("preset_mode", "sleep"), "fan.bedroom", false);
      assertThat(home.state("fan.bedroom").getJsonObject("attributes").getString("preset_mode")).isEqualTo("sleep");
      assertThat(call(c, "fan", "set_preset_mode", new JsonObject().put("preset_mode", "turbo"), "fan.bedroom",
          false).getBoolean("success")).isFalse();
    }
  }
}
