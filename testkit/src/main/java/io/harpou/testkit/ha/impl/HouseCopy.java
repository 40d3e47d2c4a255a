package io.harpou.testkit.ha.impl;

import io.harpou.testkit.ha.impl.HomeAssistantReader.Snapshot;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what a Home Assistant sent into a house file. Registries are copied field by field (names, aliases, areas,
 * floors, manufacturers and models: never a device's connections, identifiers or configuration URL); attributes are
 * copied except what is secret or personal, at any depth: keys naming a credential, a position or an address, and
 * every value that is a URL, carries a token, or is a network or e-mail address. A state is personal too when its
 * entity is named for one of those (the companion app's {@code sensor.phone_geocoded_location} holds a street
 * address, {@code sensor.phone_public_ip_address} an address) or when it is such a value itself: the entity is kept,
 * its state is {@code unknown}.
 */
public final class HouseCopy {

  /**
   * Attribute keys left out, by any of their words: credentials, positions, network and postal addresses, links,
   * people's accounts.
   */
  private static final Set<String> SECRET_WORDS = Set.of("token", "password", "passwd", "secret", "apikey", "auth",
      "credential", "credentials", "latitude", "longitude", "lat", "lon", "lng", "gps", "altitude", "elevation",
      "location", "address", "ip", "mac", "ssid", "bssid", "email", "phone", "url", "uri", "picture", "stream",
      "trackers");
  private static final Set<String> SECRET_KEYS = Set.of("api_key", "user_id");
  /** Values left out whatever their key: links (camera proxies and streams carry tokens) and token parameters. */
  private static final Pattern SECRET_VALUE = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*://.*|.*(token|api_?key|"
      + "password)=.*|.*\\b\\d{1,3}(\\.\\d{1,3}){3}\\b.*|.*\\b[0-9a-f]{2}([:-][0-9a-f]{2}){5}\\b.*"
      + "|.*[^@\\s]+@[^@\\s]+\\.[a-z]{2,}.*");
  /** Words of an entity's object id that say its state is secret or personal (besides the attribute words). */
  private static final Set<String> SECRET_STATE_WORDS = Set.of("geocoded", "code", "pin", "wifi");
  /** Domains whose state is free text, which an entity's name may say is personal. */
  private static final Set<String> TEXT_DOMAINS = Set.of("sensor", "input_text", "text");
  private static final Pattern ENTITY_ID = Pattern.compile("^[a-z0-9_]+\\.[a-z0-9_]+$");

  private HouseCopy() {
  }

  /** The house file of a snapshot. */
  public static JsonObject from(Snapshot snapshot) {
    JsonObject config = snapshot.config();
    JsonObject house = new JsonObject()
        .put("location_name", config.getString("location_name", "Home"))
        .put("language", config.getString("language", "en"))
        .put("country", config.getString("country"))
        .put("time_zone", config.getString("time_zone", "UTC"));
    Set<String> floors = new HashSet<>();
    JsonArray floorList = new JsonArray();
    for (JsonObject floor : objects(snapshot.floors())) {
      floors.add(floor.getString("floor_id"));
      floorList.add(compact(new JsonObject().put("floor_id", floor.getString("floor_id"))
          .put("name", floor.getString("name")).put("level", floor.getInteger("level"))
          .put("icon", floor.getString("icon"))
          .put("aliases", floor.getJsonArray("aliases", new JsonArray()))));
    }
    Set<String> areas = new HashSet<>();
    JsonArray areaList = new JsonArray();
    for (JsonObject area : objects(snapshot.areas())) {
      areas.add(area.getString("area_id"));
      areaList.add(compact(new JsonObject().put("area_id", area.getString("area_id"))
          .put("name", area.getString("name")).put("floor_id", known(floors, area.getString("floor_id")))
          .put("icon", area.getString("icon"))
          .put("aliases", area.getJsonArray("aliases", new JsonArray()))));
    }
    Set<String> devices = new HashSet<>();
    JsonArray deviceList = new JsonArray();
    for (JsonObject device : objects(snapshot.devices())) {
      devices.add(device.getString("id"));
      String name = device.getString("name_by_user") != null ? device.getString("name_by_user")
          : device.getString("name", device.getString("id"));
      deviceList.add(compact(new JsonObject().put("id", device.getString("id")).put("name", name)
          .put("area_id", known(areas, device.getString("area_id")))
          .put("manufacturer", device.getString("manufacturer")).put("model", device.getString("model"))
          .put("sw_version", device.getString("sw_version")).put("hw_version", device.getString("hw_version"))));
    }
    Map<String, JsonObject> registry = new HashMap<>();
    objects(snapshot.entities()).forEach(entry -> registry.put(entry.getString("entity_id"), entry));
    JsonArray entityList = new JsonArray();
    for (JsonObject state : objects(snapshot.states())) {
      String entityId = state.getString("entity_id", "");
      if (ENTITY_ID.matcher(entityId).matches()) {
        entityList.add(entity(state, registry.get(entityId), snapshot.entries().getJsonObject(entityId), areas,
            devices));
      }
    }
    return house.put("floors", floorList).put("areas", areaList).put("devices", deviceList)
        .put("entities", entityList).put("services", scrub(snapshot.services()));
  }

  private static JsonObject entity(JsonObject state, JsonObject entry, JsonObject extended, Set<String> areas,
                                   Set<String> devices) {
    JsonObject attributes = scrub(state.getJsonObject("attributes", new JsonObject()));
    String friendly = (String) attributes.remove("friendly_name");
    JsonObject out = new JsonObject().put("entity_id", state.getString("entity_id"))
        .put("state", personal(state.getString("entity_id"), state.getString("state")) ? "unknown"
            : state.getString("state")).put("attributes", attributes);
    String name = entry == null || entry.getString("name") == null ? friendly : entry.getString("name");
    if (name != null) {
      out.put("name", name);
    }
    if (entry != null) {
      out.put("area_id", known(areas, entry.getString("area_id")))
          .put("device_id", known(devices, entry.getString("device_id")))
          .put("platform", entry.getString("platform")).put("icon", entry.getString("icon"));
    }
    JsonArray aliases = extended == null ? null : extended.getJsonArray("aliases");
    out.put("aliases", aliases == null ? new JsonArray() : aliases);
    return compact(out);
  }

  /** A copy of {@code json} without secret keys or values, at any depth. */
  static JsonObject scrub(JsonObject json) {
    JsonObject out = new JsonObject();
    json.forEach(e -> {
      if (!secretKey(e.getKey())) {
        Object value = scrubValue(e.getValue());
        if (value != Removed.VALUE) {
          out.put(e.getKey(), value);
        }
      }
    });
    return out;
  }

  /** True when a state is withheld: its entity is named for something secret, or the state is such a value. */
  private static boolean personal(String entityId, String state) {
    String objectId = entityId.substring(entityId.indexOf('.') + 1);
    boolean named = TEXT_DOMAINS.contains(entityId.substring(0, entityId.indexOf('.'))) && (secretKey(objectId)
        || Arrays.stream(objectId.split("_")).anyMatch(SECRET_STATE_WORDS::contains));
    return named || state != null && SECRET_VALUE.matcher(state).matches();
  }

  private static boolean secretKey(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return SECRET_KEYS.contains(lower) || Arrays.stream(lower.split("[^a-z0-9]+")).anyMatch(SECRET_WORDS::contains);
  }

  private static Object scrubValue(Object value) {
    if (value instanceof JsonObject object) {
      return scrub(object);
    }
    if (value instanceof JsonArray array) {
      JsonArray out = new JsonArray();
      array.forEach(item -> {
        Object kept = scrubValue(item);
        if (kept != Removed.VALUE) {
          out.add(kept);
        }
      });
      return out;
    }
    if (value instanceof String text && SECRET_VALUE.matcher(text).matches()) {
      return Removed.VALUE;
    }
    return value;
  }

  /** Marks a value left out. */
  private enum Removed { VALUE }

  /** Leaves out absent values, which the house format reads as "not given". */
  private static JsonObject compact(JsonObject json) {
    json.getMap().values().removeIf(java.util.Objects::isNull);
    return json;
  }

  private static String known(Set<String> ids, String id) {
    return id != null && ids.contains(id) ? id : null;
  }

  private static Iterable<JsonObject> objects(JsonArray array) {
    return array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)::iterator;
  }
}
