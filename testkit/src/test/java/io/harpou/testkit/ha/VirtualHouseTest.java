package io.harpou.testkit.ha;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(VertxExtension.class)
class VirtualHouseTest {

  @Test
  void should_generate_a_house_with_a_household_spread_of_domains(Vertx vertx) {
    VirtualHomeAssistant home = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions().setGeneratedEntities(2000))
        .start().await();
    try (WsTestClient c = WsTestClient.authenticated(vertx, home)) {
      JsonArray states = c.call(new JsonObject().put("id", 1).put("type", "get_states")).getJsonArray("result");
      assertThat(states).hasSize(2000);
      Map<String, Long> byDomain = states.stream().map(s -> ((JsonObject) s).getString("entity_id"))
          .collect(Collectors.groupingBy(id -> id.substring(0, id.indexOf('.')), Collectors.counting()));
      assertThat(byDomain.get("sensor")).isGreaterThan(byDomain.get("light"));
      assertThat(byDomain.get("light")).isGreaterThan(byDomain.get("lock"));
      assertThat(byDomain.keySet()).contains("switch", "cover", "climate", "media_player", "binary_sensor");
      JsonArray areas = c.call(new JsonObject().put("id", 2).put("type", "config/area_registry/list"))
          .getJsonArray("result");
      assertThat(areas.size()).isGreaterThan(50);
      JsonArray devices = c.call(new JsonObject().put("id", 3).put("type", "config/device_registry/list"))
          .getJsonArray("result");
      assertThat(devices.size()).isBetween(300, 1500);
    } finally {
      home.close().await();
    }
  }

  @Test
  void should_generate_the_same_house_from_the_same_seed(Vertx vertx) {
    List<String> first = entityIds(vertx, 7);
    assertThat(entityIds(vertx, 7)).isEqualTo(first);
    assertThat(entityIds(vertx, 8)).isNotEqualTo(first);
  }

  private static List<String> entityIds(Vertx vertx, long seed) {
    VirtualHomeAssistant home = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions().setGeneratedEntities(100)
        .setSeed(seed));
    return home.entityIds();
  }

  @Test
  void should_refuse_a_house_naming_an_unknown_area(Vertx vertx) {
    JsonObject house = new JsonObject().put("entities", new JsonArray().add(new JsonObject()
        .put("entity_id", "light.x").put("area_id", "nowhere")));
    assertThatThrownBy(() -> VirtualHomeAssistant.create(vertx, new VirtualHomeOptions().setHouse(house)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown area nowhere");
  }

  @Test
  void should_serve_a_custom_house(Vertx vertx) {
    JsonObject house = new JsonObject().put("areas", new JsonArray().add(new JsonObject().put("area_id", "shed")
        .put("name", "Shed"))).put("entities", new JsonArray().add(new JsonObject().put("entity_id", "light.shed")
        .put("name", "Shed light").put("area_id", "shed").put("attributes", new JsonObject()
            .put("supported_color_modes", new JsonArray().add("brightness")))));
    VirtualHomeAssistant home = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions().setHouse(house));
    assertThat(home.entityIds()).containsExactly("light.shed");
    JsonObject attrs = home.state("light.shed").getJsonObject("attributes");
    assertThat(attrs.getString("friendly_name")).isEqualTo("Shed light");
    assertThat(attrs.containsKey("brightness")).isTrue();
    assertThat(attrs.getValue("brightness")).isNull();
  }

  @Test
  void should_round_trip_options_and_recorded_calls_through_json() {
    VirtualHomeOptions options = new VirtualHomeOptions().setPort(8123).setAccessToken("abc")
        .setAuthTimeoutMillis(500).setGeneratedEntities(10).setStrictEntityReferences(false);
    VirtualHomeOptions copy = new VirtualHomeOptions(options.toJson().put("unknown", true));
    assertThat(copy.toJson()).isEqualTo(options.toJson());
    assertThatThrownBy(() -> new VirtualHomeOptions().setPort(70000)).isInstanceOf(IllegalArgumentException.class);
    RecordedServiceCall call = new RecordedServiceCall("light", "turn_on", new JsonObject().put("brightness", 3),
        List.of("light.kitchen"), "01J5Y2A3B4C5D6E7F8G9H0JKMN", "websocket");
    assertThat(RecordedServiceCall.fromJson(call.toJson())).isEqualTo(call);
  }

  @Test
  void should_only_log_unknown_entities_when_not_strict(Vertx vertx) {
    VirtualHomeAssistant home = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions()
        .setStrictEntityReferences(false)).start().await();
    try (WsTestClient c = WsTestClient.authenticated(vertx, home)) {
      JsonObject reply = c.call(new JsonObject().put("id", 1).put("type", "call_service").put("domain", "light")
          .put("service", "turn_on").put("target", new JsonObject().put("entity_id", "light.attic")));
      assertThat(reply.getBoolean("success")).isTrue();
    } finally {
      home.close().await();
    }
  }
}
