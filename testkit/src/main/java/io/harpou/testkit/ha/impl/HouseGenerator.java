package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Random;

/**
 * Generates a house of about N entities for scale tests: floors, about one area per 15 entities, one device per
 * two or three entities, and a household's spread of domains (many sensors and lights, fewer covers, locks, players).
 * The same seed gives the same house.
 */
final class HouseGenerator {

  private static final String[] ROOMS = {"Kitchen", "Living room", "Bedroom", "Office", "Bathroom", "Hallway",
      "Garage", "Garden", "Dining room", "Kids room", "Guest room", "Laundry", "Attic", "Basement", "Porch"};
  /** Domain and its weight in a typical household. */
  private static final Object[][] MIX = {{"sensor", 30}, {"binary_sensor", 15}, {"light", 20}, {"switch", 10},
      {"cover", 5}, {"climate", 3}, {"media_player", 4}, {"fan", 3}, {"lock", 2}, {"camera", 2}, {"scene", 3},
      {"script", 2}, {"todo", 1}};

  private HouseGenerator() {
  }

  /**
   * Generates a house description in the format of {@code demo-house.json}.
   *
   * @param entities how many entities (at least 1)
   * @param seed     the random seed
   * @return the house JSON
   */
  static JsonObject generate(int entities, long seed) {
    if (entities < 1) {
      throw new IllegalArgumentException("entities must be at least 1");
    }
    Random random = new Random(seed);
    int floorsCount = Math.max(1, Math.min(5, entities / 200 + 1));
    int areaCount = Math.max(1, entities / 15);
    JsonArray floors = new JsonArray();
    for (int f = 0; f < floorsCount; f++) {
      floors.add(new JsonObject().put("floor_id", "floor_" + f).put("name", "Floor " + f).put("level", f));
    }
    JsonArray areas = new JsonArray();
    for (int a = 0; a < areaCount; a++) {
      String name = ROOMS[a % ROOMS.length] + (a >= ROOMS.length ? " " + (a / ROOMS.length + 1) : "");
      areas.add(new JsonObject().put("area_id", "area_" + a).put("name", name)
          .put("floor_id", "floor_" + (a % floorsCount)));
    }
    int total = 0;
    for (Object[] m : MIX) {
      total += (Integer) m[1];
    }
    JsonArray devices = new JsonArray();
    JsonArray list = new JsonArray();
    String deviceId = null;
    for (int i = 0; i < entities; i++) {
      int pick = random.nextInt(total);
      String domain = "sensor";
      for (Object[] m : MIX) {
        pick -= (Integer) m[1];
        if (pick < 0) {
          domain = (String) m[0];
          break;
        }
      }
      String area = "area_" + random.nextInt(areaCount);
      JsonObject e = new JsonObject().put("entity_id", domain + ".generated_" + i)
          .put("name", ROOMS[random.nextInt(ROOMS.length)] + " " + domain.replace('_', ' ') + " " + i);
      boolean physical = !domain.equals("scene") && !domain.equals("script") && !domain.equals("todo");
      if (physical && (deviceId == null || random.nextInt(3) == 0)) {
        deviceId = "device_" + devices.size();
        devices.add(new JsonObject().put("id", deviceId).put("name", "Device " + devices.size())
            .put("manufacturer", random.nextBoolean() ? "Signify" : "Shelly").put("model", "Gen " + (i % 4))
            .put("area_id", area));
      }
      if (physical && random.nextBoolean()) {
        e.put("device_id", deviceId);
      } else {
        e.put("area_id", area);
      }
      e.put("attributes", attributes(domain, random));
      if ("sensor".equals(domain)) {
        e.put("state", String.valueOf(Math.round((15 + random.nextDouble() * 10) * 10) / 10.0));
      }
      list.add(e);
    }
    return new JsonObject().put("location_name", "Generated home").put("floors", floors).put("areas", areas)
        .put("devices", devices).put("entities", list);
  }

  private static JsonObject attributes(String domain, Random random) {
    JsonObject a = new JsonObject();
    switch (domain) {
      case "sensor" -> a.put("unit_of_measurement", "°C").put("device_class", "temperature")
          .put("state_class", "measurement");
      case "binary_sensor" -> a.put("device_class", random.nextBoolean() ? "motion" : "door");
      case "light" -> a.put("supported_color_modes", random.nextBoolean()
          ? new JsonArray().add("brightness") : new JsonArray().add("color_temp").add("hs"));
      case "cover" -> a.put("device_class", "blind");
      case "media_player" -> a.put("device_class", "speaker");
      default -> {
      }
    }
    return a;
  }
}
