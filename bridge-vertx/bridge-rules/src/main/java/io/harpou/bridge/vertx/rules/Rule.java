package io.harpou.bridge.vertx.rules;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A notification rule: when its condition (and the one it needs {@code while}) has held long enough, Harpou says its
 * sentence in its rooms (where people are, when presence is known), outside quiet hours, at most once per cooldown,
 * and tells the console and Home Assistant.
 *
 * <pre>{@code
 * {"id": "front_door_open", "when": {"entity_id": "binary_sensor.front_door", "state": "on", "for_minutes": 10},
 *  "say": "The front door has been open for ten minutes.", "rooms": ["living_room"],
 *  "quiet_hours": "22:00-07:00", "cooldown_minutes": 30}
 * {"id": "window_heating", "when": {"entity_id": "binary_sensor.bedroom_window", "state": "on", "for_minutes": 2},
 *  "while": {"entity_id": "climate.bedroom", "attribute": "hvac_action", "state": "heating"}}
 * }</pre>
 *
 * @param id a stable id ({@code [a-z0-9_-]}, 1 to 64)
 * @param when what must hold
 * @param whileAlso what must hold at the same time, or null
 * @param say the sentence, where {@code {name}}, {@code {state}} and {@code {minutes}} stand for the entity's name,
 *     its state and the minutes it held; null for a sentence made from them
 * @param rooms where to say it; empty for every room with a satellite
 * @param quietHours when to say it nowhere, or null
 * @param cooldown the least time between two notifications of this rule
 * @param once true when the rule is removed after it first speaks ("tell me when the washing machine is done")
 * @param origin {@code configuration}, {@code speech} or {@code api}
 */
public record Rule(String id, Condition when, Condition whileAlso, String say, List<String> rooms,
                   QuietHours quietHours, Duration cooldown, boolean once, String origin) {

  /** The cooldown when a rule names none. */
  public static final Duration DEFAULT_COOLDOWN = Duration.ofMinutes(30);
  /** The longest sentence, as Home Assistant caps a state and a satellite's patience. */
  public static final int MAX_SAY = 255;
  /** The most rooms one rule names. */
  public static final int MAX_ROOMS = 32;
  private static final Pattern ID = Pattern.compile("[a-z0-9_-]{1,64}");
  private static final List<String> ORIGINS = List.of("configuration", "speech", "api");

  /**
   * Validates every field.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public Rule {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a rule's id is 1 to 64 of a-z, 0-9, '_' and '-'");
    }
    if (when == null) {
      throw new IllegalArgumentException("a rule needs a 'when' condition");
    }
    if (say != null && (say.isBlank() || say.length() > MAX_SAY || say.chars().anyMatch(Character::isISOControl))) {
      throw new IllegalArgumentException("'say' is 1 to " + MAX_SAY + " characters on one line");
    }
    rooms = List.copyOf(rooms);
    if (rooms.size() > MAX_ROOMS || rooms.stream().anyMatch(r -> r.isBlank() || r.length() > 64)) {
      throw new IllegalArgumentException("'rooms' lists at most " + MAX_ROOMS + " rooms of 1 to 64 characters");
    }
    if (cooldown.isNegative() || cooldown.compareTo(Condition.MAX_HOLD) > 0) {
      throw new IllegalArgumentException("cooldown_minutes is from 0 to " + Condition.MAX_HOLD.toMinutes());
    }
    if (!ORIGINS.contains(origin)) {
      throw new IllegalArgumentException("origin is one of " + ORIGINS);
    }
  }

  /**
   * Reads the JSON form; {@code origin} is given by who adds the rule, never read.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static Rule fromJson(JsonObject json, String origin) {
    JsonObject whileJson = json.getValue("while") instanceof JsonObject w ? w : null;
    if (json.containsKey("while") && whileJson == null) {
      throw new IllegalArgumentException("'while' must be a condition");
    }
    Object quiet = json.getValue("quiet_hours");
    if (quiet != null && !(quiet instanceof String)) {
      throw new IllegalArgumentException("quiet_hours is two times such as \"22:00-07:00\"");
    }
    Object cooldown = json.containsKey("cooldown_minutes") ? json.getValue("cooldown_minutes")
        : (Object) DEFAULT_COOLDOWN.toMinutes();
    if (!(cooldown instanceof Number minutes) || !(minutes.doubleValue() >= 0)
        || minutes.doubleValue() > Condition.MAX_HOLD.toMinutes()) {
      throw new IllegalArgumentException("cooldown_minutes is from 0 to " + Condition.MAX_HOLD.toMinutes());
    }
    Object when = json.getValue("when");
    return new Rule(string(json, "id"), Condition.fromJson(when instanceof JsonObject w ? w : null),
        whileJson == null ? null : Condition.fromJson(whileJson), string(json, "say"), rooms(json),
        quiet == null ? null : QuietHours.parse((String) quiet),
        Duration.ofSeconds(Math.round(minutes.doubleValue() * 60)), Boolean.TRUE.equals(json.getValue("once")),
        origin);
  }

  /** The JSON form. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id).put("when", when.toJson());
    if (whileAlso != null) {
      json.put("while", whileAlso.toJson());
    }
    if (say != null) {
      json.put("say", say);
    }
    json.put("rooms", new JsonArray(rooms));
    if (quietHours != null) {
      json.put("quiet_hours", quietHours.toString());
    }
    return json.put("cooldown_minutes", cooldown.toSeconds() / 60.0).put("once", once).put("origin", origin);
  }

  /** The sentence for an entity named {@code name} found {@code state}. */
  public String sentence(String name, String state) {
    long minutes = when.hold().toMinutes();
    String template = say != null ? say : minutes > 0 ? "{name} has been {state} for {minutes} minutes."
        : "{name} is {state}.";
    String text = template.replace("{name}", name).replace("{state}", state.toLowerCase(Locale.ROOT))
        .replace("{minutes}", Long.toString(minutes));
    return text.length() > MAX_SAY ? text.substring(0, MAX_SAY) : text;
  }

  private static String string(JsonObject json, String key) {
    Object value = json.getValue(key);
    if (value != null && !(value instanceof String)) {
      throw new IllegalArgumentException("'" + key + "' must be text");
    }
    return (String) value;
  }

  private static List<String> rooms(JsonObject json) {
    Object value = json.getValue("rooms");
    List<String> rooms = new ArrayList<>();
    if (value instanceof JsonArray array && array.size() <= MAX_ROOMS) {
      for (Object room : array) {
        if (!(room instanceof String name)) {
          throw new IllegalArgumentException("'rooms' is a list of room names");
        }
        rooms.add(name.strip());
      }
    } else if (value != null) {
      throw new IllegalArgumentException("'rooms' lists at most " + MAX_ROOMS + " room names");
    }
    return rooms;
  }
}
