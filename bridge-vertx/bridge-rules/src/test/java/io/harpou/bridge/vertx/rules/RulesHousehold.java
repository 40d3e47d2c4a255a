package io.harpou.bridge.vertx.rules;

import io.harpou.bridge.api.home.HomeExposure;
import io.harpou.bridge.api.voice.Announcement;
import io.harpou.bridge.api.voice.Announcer;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.ha.HomeAssistantClient;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * A small house in the virtual Home Assistant, reached through Harpou's real client, with a satellite in the kitchen
 * and one in the hallway whose announcements are recorded: what a household would hear, and what Home Assistant
 * would show.
 */
final class RulesHousehold implements Announcer {

  final Vertx vertx;
  final VirtualHomeAssistant home;
  final HomeAssistantClient client;
  final Database database;
  final List<Announcement> heard = new CopyOnWriteArrayList<>();
  final List<JsonObject> events = new CopyOnWriteArrayList<>();

  RulesHousehold(Vertx vertx, Path dir) {
    this.vertx = vertx;
    home = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions().setHouse(house())).start().await();
    client = HomeAssistantClient.create(vertx, new HomeAssistantOptions().setUrl(home.url())
        .setToken(home.accessToken()));
    client.connect().await();
    database = Database.open(vertx, dir.resolve("harpou.db")).await();
    vertx.eventBus().<JsonObject>localConsumer("harpou.events", m -> {
      if (NotificationRules.EVENT_KIND.equals(m.body().getString("kind"))) {
        events.add(m.body());
      }
    });
  }

  private static JsonObject house() {
    JsonArray areas = new JsonArray();
    for (String area : List.of("kitchen", "hallway", "bedroom", "bathroom")) {
      areas.add(new JsonObject().put("area_id", area).put("name", Character.toUpperCase(area.charAt(0))
          + area.substring(1)));
    }
    return new JsonObject().put("areas", areas).put("entities", new JsonArray()
        .add(entity("binary_sensor.front_door", "Front door", "hallway", "off", "door"))
        .add(entity("binary_sensor.kitchen_motion", "Kitchen motion", "kitchen", "on", "motion"))
        .add(entity("binary_sensor.hallway_motion", "Hallway motion", "hallway", "off", "motion"))
        .add(entity("binary_sensor.bedroom_window", "Bedroom window", "bedroom", "off", "window"))
        .add(entity("binary_sensor.bathroom_leak", "Bathroom leak", "bathroom", "off", "moisture"))
        .add(entity("binary_sensor.kitchen_leak", "Kitchen leak", "kitchen", "off", "moisture"))
        .add(entity("sensor.lock_battery", "Lock battery", "hallway", "80", "battery"))
        .add(entity("sensor.washing_machine", "Washing machine", "bathroom", "running", null)
            .put("aliases", new JsonArray().add("lave-linge")))
        .add(new JsonObject().put("entity_id", "climate.bedroom").put("name", "Bedroom heating")
            .put("area_id", "bedroom").put("state", "heat")
            .put("attributes", new JsonObject().put("hvac_action", "idle")))
        .add(new JsonObject().put("entity_id", "lock.front_door").put("name", "Front door lock")
            .put("area_id", "hallway").put("state", "locked")));
  }

  private static JsonObject entity(String id, String name, String area, String state, String deviceClass) {
    JsonObject attributes = new JsonObject();
    if (deviceClass != null) {
      attributes.put("device_class", deviceClass);
    }
    return new JsonObject().put("entity_id", id).put("name", name).put("area_id", area).put("state", state)
        .put("attributes", attributes);
  }

  /** The services the rules get: this house, its database, this announcer, satellites in kitchen and hallway. */
  NotificationServices services() {
    return new NotificationServices(client, database, this, () -> List.of("kitchen", "hallway"));
  }

  /** The same services, the assistant seeing only what {@code exposure} shows. */
  NotificationServices services(HomeExposure exposure) {
    return new NotificationServices(client, database, this, () -> List.of("kitchen", "hallway"), exposure);
  }

  /** Sets a state in the virtual home and waits until Harpou's client has seen it. */
  void set(String entityId, String state) {
    home.setState(entityId, state);
    await(() -> client.state(entityId).map(s -> s.state().equals(state)).orElse(false), entityId + " " + state);
  }

  /** Sets a state and its attributes in the virtual home and waits until Harpou's client has seen them. */
  void set(String entityId, String state, JsonObject attributes) {
    home.setState(entityId, state, attributes);
    await(() -> client.state(entityId).map(s -> s.attributes().equals(attributes)).orElse(false), entityId);
  }

  /** The messages Home Assistant was sent as persistent notifications. */
  List<String> notifications() {
    return home.notifications().stream().map(n -> n.getString("message")).toList();
  }

  @Override
  public Future<Void> announce(Announcement announcement) {
    heard.add(announcement);
    return Future.succeededFuture();
  }

  void close() {
    client.close().await();
    database.close().await();
    home.close().await();
  }

  static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
