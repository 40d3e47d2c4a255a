package io.harpou.tools.home.impl;

import io.harpou.bridge.api.home.StateWords;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.tools.home.IntentMatch;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Words the answers to questions about the home from get_state results, in English or French. */
final class Answers {

  // Beyond the shared state words: people, robots, and the alarm, which is feminine in French ("l'alarme").
  private static final Map<String, String> FRENCH_STATES = Map.ofEntries(
      Map.entry("home", "à la maison"), Map.entry("not_home", "absent"), Map.entry("docked", "sur sa base"),
      Map.entry("cleaning", "en train de nettoyer"), Map.entry("mowing", "en train de tondre"),
      Map.entry("returning", "en train de rentrer"), Map.entry("disarmed", "désarmée"),
      Map.entry("armed_away", "armée (absence)"), Map.entry("armed_home", "armée (présence)"),
      Map.entry("armed_night", "armée (nuit)"), Map.entry("triggered", "déclenchée"));
  private static final Map<String, String> ENGLISH_STATES = Map.of("not_home", "away", "docked", "on its dock",
      "armed_away", "armed (away)", "armed_home", "armed (home)", "armed_night", "armed (night)");

  private Answers() {
  }

  /**
   * The sentence answering {@code match} from the tool's JSON result, or the result's text when it has none;
   * {@code spoken} says each entity's name as a listener expects it.
   */
  static String format(IntentMatch match, ToolResult result, String language, Function<String, String> spoken) {
    if (result.json() == null) {
      return result.content();
    }
    JsonArray entities = result.json().getJsonArray("entities", new JsonArray());
    if (entities.isEmpty()) {
      return result.content();
    }
    List<JsonObject> list = new ArrayList<>();
    entities.forEach(o -> list.add((JsonObject) o));
    JsonObject hints = match.hints();
    String expect = hints.getString("expect");
    Function<JsonObject, String> name = e -> spoken.apply(e.getString("entity_id"));
    return switch (hints.getString("query", "state")) {
      case "temperature", "humidity" -> measures(list, hints, language, name);
      case "is" -> yesNo(list, expect, hints.getBoolean("any", false), language, name);
      case "which", "count" -> which(list, hints, language, name);
      case "people" -> people(list, language, name);
      case "where" -> Messages.say(language, "person_at", name.apply(list.get(0)),
          place(list.get(0).getString("state"), language));
      default -> {
        List<String> parts = new ArrayList<>();
        for (JsonObject e : list) {
          parts.add(Messages.say(language, "value", name.apply(e), value(e, language)));
        }
        yield String.join(" ", parts);
      }
    };
  }

  private static String measures(List<JsonObject> list, JsonObject hints, String language,
                                 Function<JsonObject, String> name) {
    String what = hints.getString("query");
    if (list.size() == 1 && hints.getString("area") != null) {
      return Messages.say(language, what + "_in", value(list.get(0), what, language), hints.getString("area"));
    }
    List<String> parts = new ArrayList<>();
    for (JsonObject e : list) {
      parts.add(Messages.say(language, "value", name.apply(e), value(e, what, language)));
    }
    return String.join(" ", parts);
  }

  private static String yesNo(List<JsonObject> list, String expect, boolean any, String language,
                              Function<JsonObject, String> name) {
    List<String> matching = new ArrayList<>();
    List<String> differing = new ArrayList<>();
    for (JsonObject e : list) {
      if (matches(expect, e)) {
        matching.add(name.apply(e));
      } else {
        differing.add(Messages.say(language, "is_state", name.apply(e), state(shown(e), language)));
      }
    }
    if (any) {
      return matching.isEmpty() ? Messages.say(language, "none_is", state(expect, language))
          : Messages.say(language, matching.size() > 1 ? "yes_are" : "yes_is", Messages.and(language, matching),
              state(expect, language));
    }
    if (differing.isEmpty()) {
      return Messages.say(language, matching.size() > 1 ? "yes_are" : "yes_is", Messages.and(language, matching),
          state(expect, language));
    }
    return Messages.say(language, "no_because", String.join("; ", differing));
  }

  private static String which(List<JsonObject> list, JsonObject hints, String language,
                              Function<JsonObject, String> name) {
    String expect = hints.getString("expect");
    List<String> matching = list.stream().filter(e -> matches(expect, e)).map(name).toList();
    String kind = hints.getString("kind");
    if ("count".equals(hints.getString("query"))) {
      return matching.isEmpty() ? Messages.say(language, "count_none", kind, state(expect, language))
          : Messages.say(language, "count", matching.size(), kind, state(expect, language),
              Messages.and(language, matching));
    }
    return matching.isEmpty() ? Messages.say(language, "which_none", kind, state(expect, language))
        : Messages.say(language, matching.size() > 1 ? "which_are" : "which_is", Messages.and(language, matching),
            state(expect, language));
  }

  private static String people(List<JsonObject> list, String language, Function<JsonObject, String> name) {
    List<String> home = list.stream().filter(e -> "home".equals(e.getString("state"))).map(name).toList();
    if (home.isEmpty()) {
      return Messages.say(language, "nobody_home");
    }
    return Messages.say(language, home.size() > 1 ? "are_home" : "is_home", Messages.and(language, home));
  }

  /** True when the entity is in {@code expect}; a door or window sensor is "on" when open. */
  static boolean matches(String expect, JsonObject e) {
    String state = e.getString("state");
    if (expect.equals(state)) {
      return true;
    }
    if ("binary_sensor".equals(e.getString("domain"))) {
      return "open".equals(expect) && "on".equals(state) || "closed".equals(expect) && "off".equals(state);
    }
    return "armed".equals(expect) && state != null && state.startsWith("armed_");
  }

  private static String shown(JsonObject e) {
    String state = e.getString("state");
    if ("binary_sensor".equals(e.getString("domain"))) {
      String dc = e.getJsonObject("attributes", new JsonObject()).getString("device_class", "");
      if (List.of("door", "window", "garage_door", "opening").contains(dc)) {
        return "on".equals(state) ? "open" : "closed";
      }
    }
    return state;
  }

  private static String value(JsonObject e, String language) {
    String unit = e.getJsonObject("attributes", new JsonObject()).getString("unit_of_measurement");
    return number(state(shown(e), language), language) + (unit == null ? "" : unit.equals("%") ? " %" : " " + unit);
  }

  private static String value(JsonObject e, String what, String language) {
    JsonObject attrs = e.getJsonObject("attributes", new JsonObject());
    if ("weather".equals(e.getString("domain"))) {
      Object v = attrs.getValue(what);
      return number(String.valueOf(v), language) + (what.equals("temperature")
          ? attrs.getString("temperature_unit", "°") : " %");
    }
    if ("climate".equals(e.getString("domain"))) {
      Object v = attrs.getValue(what.equals("temperature") ? "current_temperature" : "current_humidity");
      return number(String.valueOf(v), language) + (what.equals("temperature") ? "°" : " %");
    }
    String unit = attrs.getString("unit_of_measurement", what.equals("temperature") ? "°" : "%");
    return number(e.getString("state"), language) + (unit.equals("%") ? " %" : unit.startsWith("°") ? unit
        : " " + unit);
  }

  private static String place(String state, String language) {
    if ("home".equals(state) || "not_home".equals(state)) {
      return state(state, language);
    }
    return Messages.french(language) ? "à " + state : "at " + state;
  }

  /** A state as said in {@code language}. */
  static String state(String state, String language) {
    boolean french = Messages.french(language);
    String said = (french ? FRENCH_STATES : ENGLISH_STATES).get(state);
    return said != null ? said : StateWords.spoken(state, french);
  }

  private static String number(String value, String language) {
    return Messages.french(language) && value.matches("-?\\d+\\.\\d+") ? value.replace('.', ',') : value;
  }
}
