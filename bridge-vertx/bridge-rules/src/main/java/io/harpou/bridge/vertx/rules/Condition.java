package io.harpou.bridge.vertx.rules;

import io.harpou.bridge.api.home.EntityState;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a rule watches: which entities (by id, or every entity of a device class such as {@code battery} or
 * {@code moisture}), what must hold of their state or of one attribute (one of some states, above or below a number),
 * and for how long.
 *
 * <pre>{@code
 * {"entity_id": "binary_sensor.front_door", "state": "on", "for_minutes": 10}
 * {"device_class": "battery", "below": 15}
 * {"entity_id": "climate.living_room", "attribute": "hvac_action", "state": "heating"}
 * }</pre>
 *
 * @param entityIds the entities watched, or empty when {@code deviceClass} selects them
 * @param deviceClass the device class of the entities watched, or null
 * @param domain the domain they must be in, or null for any
 * @param attribute the attribute tested instead of the state, or null
 * @param states the states (or attribute values) that hold, or empty when a number is compared
 * @param above the number the value must exceed, or null
 * @param below the number the value must stay under, or null
 * @param hold how long it must hold before the rule speaks
 */
public record Condition(List<String> entityIds, String deviceClass, String domain, String attribute,
                        List<String> states, Double above, Double below, Duration hold) {

  /** The most entities or states one condition lists. */
  public static final int MAX_LIST = 50;
  /** The longest a condition may have to hold. */
  public static final Duration MAX_HOLD = Duration.ofDays(7);
  private static final Pattern ENTITY_ID = Pattern.compile("[a-z0-9_]{1,64}\\.[a-z0-9_]{1,128}");
  private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,64}");

  /**
   * Validates: entities or a device class, a state test or a number test, and a hold within a week.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public Condition {
    entityIds = List.copyOf(entityIds);
    states = List.copyOf(states);
    if (entityIds.isEmpty() == (deviceClass == null)) {
      throw new IllegalArgumentException("a condition names either entity_id or device_class");
    }
    if (entityIds.size() > MAX_LIST || states.size() > MAX_LIST) {
      throw new IllegalArgumentException("a condition lists at most " + MAX_LIST + " entities and states");
    }
    entityIds.forEach(id -> require(ENTITY_ID, id, "entity_id"));
    if (deviceClass != null) {
      require(NAME, deviceClass, "device_class");
    }
    if (domain != null) {
      require(NAME, domain, "domain");
    }
    if (attribute != null) {
      require(NAME, attribute, "attribute");
    }
    states.forEach(s -> {
      if (s.isBlank() || s.length() > 255) {
        throw new IllegalArgumentException("a state is 1 to 255 characters");
      }
    });
    if (states.isEmpty() == (above == null && below == null)) {
      throw new IllegalArgumentException("a condition tests either state or above/below");
    }
    if (hold.isNegative() || hold.compareTo(MAX_HOLD) > 0) {
      throw new IllegalArgumentException("for_minutes is from 0 to " + MAX_HOLD.toMinutes());
    }
  }

  private static void require(Pattern pattern, String value, String key) {
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(key + " is not valid: " + value);
    }
  }

  /**
   * Reads the JSON form.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static Condition fromJson(JsonObject json) {
    if (json == null) {
      throw new IllegalArgumentException("a rule needs a 'when' condition");
    }
    double seconds = number(json, "for_seconds", 0) + 60 * number(json, "for_minutes", 0);
    if (!(seconds >= 0) || seconds > MAX_HOLD.toSeconds()) {
      throw new IllegalArgumentException("for_minutes is from 0 to " + MAX_HOLD.toMinutes());
    }
    return new Condition(texts(json, "entity_id"), text(json, "device_class"), text(json, "domain"),
        text(json, "attribute"), texts(json, "state"), optionalNumber(json, "above"), optionalNumber(json, "below"),
        Duration.ofMillis(Math.round(seconds * 1000)));
  }

  /** The JSON form. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    if (!entityIds.isEmpty()) {
      json.put("entity_id", entityIds.size() == 1 ? entityIds.get(0) : new JsonArray(entityIds));
    }
    put(json, "device_class", deviceClass);
    put(json, "domain", domain);
    put(json, "attribute", attribute);
    if (!states.isEmpty()) {
      json.put("state", states.size() == 1 ? states.get(0) : new JsonArray(states));
    }
    put(json, "above", above);
    put(json, "below", below);
    if (!hold.isZero()) {
      json.put("for_seconds", hold.toMillis() / 1000.0);
    }
    return json;
  }

  /** True when this condition watches {@code state}'s entity. */
  public boolean concerns(EntityState state) {
    if (!entityIds.isEmpty()) {
      return entityIds.contains(state.entityId());
    }
    return deviceClass.equals(state.attributes().getString("device_class"))
        && (domain == null || domain.equals(state.domain()));
  }

  /** True when the state (or its attribute) holds now; an unavailable entity never holds. */
  public boolean holds(EntityState state) {
    if (state == null || !state.available()) {
      return false;
    }
    Object value = attribute == null ? state.state() : state.attributes().getValue(attribute);
    if (value == null) {
      return false;
    }
    String text = String.valueOf(value);
    if (!states.isEmpty()) {
      return states.stream().anyMatch(s -> s.equalsIgnoreCase(text));
    }
    double number;
    try {
      number = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return false;
    }
    return (above == null || number > above) && (below == null || number < below);
  }

  private static void put(JsonObject json, String key, Object value) {
    if (value != null) {
      json.put(key, value);
    }
  }

  private static String text(JsonObject json, String key) {
    Object value = json.getValue(key);
    if (value != null && !(value instanceof String)) {
      throw new IllegalArgumentException(key + " must be text");
    }
    return value == null ? null : ((String) value).strip().toLowerCase(Locale.ROOT);
  }

  private static List<String> texts(JsonObject json, String key) {
    Object value = json.getValue(key);
    List<String> out = new ArrayList<>();
    if (value instanceof String one) {
      out.add(one.strip());
    } else if (value instanceof JsonArray many) {
      if (many.size() > MAX_LIST) {
        throw new IllegalArgumentException(key + " lists at most " + MAX_LIST);
      }
      for (Object item : many) {
        if (!(item instanceof String s)) {
          throw new IllegalArgumentException(key + " must be text or a list of texts");
        }
        out.add(s.strip());
      }
    } else if (value != null) {
      throw new IllegalArgumentException(key + " must be text or a list of texts");
    }
    return out;
  }

  private static double number(JsonObject json, String key, double absent) {
    Double value = optionalNumber(json, key);
    return value == null ? absent : value;
  }

  private static Double optionalNumber(JsonObject json, String key) {
    Object value = json.getValue(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      throw new IllegalArgumentException(key + " must be a number");
    }
    return n.doubleValue();
  }
}
