package io.harpou.testkit.ha;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A household copies its Home Assistant into a house file and rehearses on it: the copy is served alike (states,
 * registries, aliases, services), it holds no token, position, address or link, and copying touches no device.
 */
@ExtendWith(VertxExtension.class)
class HouseFileTest {

  private static final String SOURCE_TOKEN = "the-households-real-token-4f1c";

  @TempDir
  Path dir;
  private Vertx vertx;
  private VirtualHomeAssistant source;
  private VirtualHomeAssistant rehearsal;

  @BeforeEach
  void start(Vertx vertx) throws IOException {
    this.vertx = vertx;
    source = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions().setAccessToken(SOURCE_TOKEN)
        .setHouse(householdsHouse())).start().await();
  }

  @AfterEach
  void stop() {
    source.close().await();
    if (rehearsal != null) {
      rehearsal.close().await();
    }
  }

  /** The demo house, with what a real one holds besides: a phone's position, a person, secrets and a vacuum. */
  private static JsonObject householdsHouse() throws IOException {
    JsonObject house;
    try (InputStream in = HouseFileTest.class.getResourceAsStream("/io/harpou/testkit/ha/demo-house.json")) {
      house = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    house.getJsonArray("entities")
        .add(new JsonObject().put("entity_id", "device_tracker.annes_phone").put("name", "Anne's phone")
            .put("state", "home").put("attributes", new JsonObject().put("source_type", "gps")
                .put("latitude", 48.137154).put("longitude", 11.576124).put("gps_accuracy", 12)
                .put("battery_level", 81)))
        .add(new JsonObject().put("entity_id", "person.anne").put("name", "Anne").put("state", "home")
            .put("attributes", new JsonObject().put("user_id", "9a8b7c6d5e4f").put("device_trackers",
                new JsonArray().add("device_tracker.annes_phone"))))
        .add(new JsonObject().put("entity_id", "sensor.router_status").put("name", "Router").put("state", "ok")
            .put("attributes", new JsonObject().put("api_key", "sk-router-5566").put("ip_address", "192.168.1.1")
                .put("admin", "http://admin:hunter2@192.168.1.1/")
                .put("nested", new JsonObject().put("refresh_token", "rt-7788").put("uptime", 3600))))
        // The companion app's sensors hold a street address, an Internet address and the Wi-Fi's name in their state.
        .add(state("sensor.annes_phone_geocoded_location", "Anne's phone geocoded location",
            "12 Rue de Rivoli, 75001 Paris"))
        .add(state("sensor.annes_phone_public_ip_address", "Anne's phone public IP address", "93.184.216.34"))
        .add(state("sensor.annes_phone_wifi_connection", "Anne's phone Wi-Fi connection", "Maison-Anne-5G"))
        .add(state("sensor.printer_status", "Printer", "idle").put("attributes", new JsonObject()
            .put("host", "10.0.0.42").put("owner", "anne.martin@example.org").put("adapter", "a4:2b:b0:11:22:33")
            .put("pages", 1204)))
        .add(new JsonObject().put("entity_id", "vacuum.roborock").put("name", "Roborock").put("state", "docked")
            .put("aliases", new JsonArray().add("robot")));
    // An integration's own service, which the virtual home does not simulate.
    house.put("services", new JsonObject().put("roborock", new JsonObject().put("set_vacuum_goto_position",
        new JsonObject().put("name", "Go to position").put("description", "Sends the vacuum to a position.")
        .put("fields", new JsonObject())
        .put("target", new JsonObject().put("entity", new JsonArray().add(new JsonObject()
            .put("domain", new JsonArray().add("vacuum"))))))));
    return house;
  }

  private static JsonObject state(String entityId, String name, String state) {
    return new JsonObject().put("entity_id", entityId).put("name", name).put("state", state);
  }

  private Path copy() throws IOException {
    Path tokenFile = dir.resolve("ha-token");
    Files.writeString(tokenFile, SOURCE_TOKEN + "\n");
    Path house = dir.resolve("house.json");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = VirtualHomeMain.copy(source.url(), tokenFile.toString(), house, new PrintStream(out, true),
        new PrintStream(err, true));
    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString()).contains("into " + house).doesNotContain(SOURCE_TOKEN);
    return house;
  }

  @Test
  void should_serve_a_copied_house_as_the_original_answers() throws IOException {
    Path house = copy();
    rehearsal = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions().setHouse(HouseFile.read(house)))
        .start().await();
    try (WsTestClient original = WsTestClient.authenticated(vertx, source);
         WsTestClient copy = WsTestClient.authenticated(vertx, rehearsal)) {
      Map<String, String> withheld = statesOf(original);
      withheld.put("sensor.annes_phone_geocoded_location", "unknown Anne's phone geocoded location");
      withheld.put("sensor.annes_phone_public_ip_address", "unknown Anne's phone public IP address");
      withheld.put("sensor.annes_phone_wifi_connection", "unknown Anne's phone Wi-Fi connection");
      assertThat(statesOf(copy)).isEqualTo(withheld);
      assertThat(names(copy, "config/area_registry/list", "area_id"))
          .isEqualTo(names(original, "config/area_registry/list", "area_id"));
      assertThat(names(copy, "config/floor_registry/list", "floor_id"))
          .isEqualTo(names(original, "config/floor_registry/list", "floor_id"));
      assertThat(names(copy, "config/device_registry/list", "id"))
          .isEqualTo(names(original, "config/device_registry/list", "id"));
      JsonArray asked = new JsonArray().add("camera.front_door").add("light.kitchen").add("vacuum.roborock");
      JsonObject aliases = new JsonObject().put("type", "config/entity_registry/get_entries").put("entity_ids", asked);
      for (String entityId : asked.stream().map(String::valueOf).toList()) {
        assertThat(entry(copy, aliases, entityId).getJsonArray("aliases"))
            .isEqualTo(entry(original, aliases, entityId).getJsonArray("aliases")).isNotEmpty();
        assertThat(entry(copy, aliases, entityId).getString("area_id"))
            .isEqualTo(entry(original, aliases, entityId).getString("area_id"));
      }
      JsonObject started = copy.call(new JsonObject().put("id", nextId++).put("type", "call_service")
          .put("domain", "roborock").put("service", "set_vacuum_goto_position")
          .put("target", new JsonObject().put("entity_id", "vacuum.roborock")));
      assertThat(started.getBoolean("success")).as(started.encode()).isTrue();
    }
    assertThat(rehearsal.calls()).extracting(RecordedServiceCall::service).containsExactly("set_vacuum_goto_position");
    assertThat(rehearsal.state("vacuum.roborock").getString("state")).isEqualTo("docked");
  }

  @Test
  void should_leave_tokens_positions_addresses_and_links_out_of_the_copy() throws IOException {
    Path house = copy();
    String text = Files.readString(house);
    assertThat(text).doesNotContain(SOURCE_TOKEN, "48.137", "11.576", "9a8b7c6d5e4f", "sk-router-5566",
        "192.168.1.1", "hunter2", "rt-7788", "camera_proxy", "access_token", "gps_accuracy", "Rivoli",
        "93.184.216.34", "Maison-Anne", "10.0.0.42", "anne.martin@example.org", "a4:2b:b0");
    assertThat(text).contains("battery_level", "uptime", "Anne's phone", "sensor.annes_phone_geocoded_location",
        "\"pages\" : 1204");
    assertThat(Files.getPosixFilePermissions(house)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(source.calls()).as("copying touched no device").isEmpty();
  }

  @Test
  void should_write_nothing_when_home_assistant_rejects_the_token() throws IOException {
    Path tokenFile = dir.resolve("ha-token");
    Files.writeString(tokenFile, "a-wrong-token");
    Path house = dir.resolve("house.json");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = VirtualHomeMain.copy(source.url(), tokenFile.toString(), house,
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true));
    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).contains("Home Assistant at " + source.url() + " rejected the access token")
        .doesNotContain("a-wrong-token");
    assertThat(house).doesNotExist();
  }

  private static Map<String, String> statesOf(WsTestClient client) {
    Map<String, String> states = new TreeMap<>();
    client.call(new JsonObject().put("id", 1).put("type", "get_states")).getJsonArray("result").forEach(s -> {
      JsonObject state = (JsonObject) s;
      states.put(state.getString("entity_id"), state.getString("state") + " "
          + state.getJsonObject("attributes").getString("friendly_name"));
    });
    return states;
  }

  private static Map<String, String> names(WsTestClient client, String type, String idKey) {
    Map<String, String> names = new TreeMap<>();
    client.call(new JsonObject().put("id", 2 + type.length()).put("type", type)).getJsonArray("result")
        .forEach(e -> names.put(((JsonObject) e).getString(idKey), ((JsonObject) e).getString("name") + " "
            + ((JsonObject) e).getJsonArray("aliases", new JsonArray()).encode() + " "
            + ((JsonObject) e).getString("area_id", ((JsonObject) e).getString("floor_id"))));
    return names;
  }

  private static long nextId = 100;

  private static JsonObject entry(WsTestClient client, JsonObject command, String entityId) {
    return client.call(command.copy().put("id", nextId++)).getJsonObject("result").getJsonObject(entityId);
  }
}
