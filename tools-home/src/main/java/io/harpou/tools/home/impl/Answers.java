package io.harpou.tools.home.impl;

import io.harpou.bridge.api.home.StateWords;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.tools.home.IntentMatch;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Words the answers to questions about the home from get_state results, in English or French. */
final class Answers {

  private Answers() {
  }

  /** The sentence answering {@code match} from the tool's JSON result, or the result's text when it has none. */
  static String format(IntentMatch match, ToolResult result, String language) {
    if (result.json() == null) {
      return result.content();
    }
    boolean fr = language != null && language.toLowerCase(Locale.ROOT).startsWith("fr");
    JsonArray entities = result.json().getJsonArray("entities", new JsonArray());
    if (entities.isEmpty()) {
      return result.content();
    }
    String query = match.hints().getString("query", "state");
    switch (query) {
      case "temperature" -> {
        JsonObject e = entities.getJsonObject(0);
        JsonObject attrs = e.getJsonObject("attributes", new JsonObject());
        boolean climate = "climate".equals(e.getString("domain"));
        String value = climate ? String.valueOf(attrs.getValue("current_temperature")) : e.getString("state");
        String unit = climate ? "°" : " " + attrs.getString("unit_of_measurement", "°");
        value = number(value, fr) + unit;
        String area = match.hints().getString("area", e.getString("area"));
        if (area == null) {
          return fr ? e.getString("name") + " : " + value + "." : e.getString("name") + " is at " + value + ".";
        }
        return fr ? "Il fait " + value + " dans " + area + "." : "It is " + value + " in the " + area + ".";
      }
      case "is" -> {
        String expect = match.hints().getString("expect");
        List<String> differing = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
          JsonObject e = entities.getJsonObject(i);
          names.add(e.getString("name"));
          if (!expect.equals(e.getString("state"))) {
            differing.add(e.getString("name") + (fr ? " est " : " is ") + state(e.getString("state"), fr));
          }
        }
        if (match.hints().getBoolean("any", false) && differing.size() < names.size()) {
          List<String> matching = new ArrayList<>();
          for (int i = 0; i < entities.size(); i++) {
            JsonObject e = entities.getJsonObject(i);
            if (expect.equals(e.getString("state"))) {
              matching.add(e.getString("name"));
            }
          }
          String who = String.join(fr ? " et " : " and ", matching);
          String verb = fr ? (matching.size() > 1 ? " sont " : " est ") : (matching.size() > 1 ? " are " : " is ");
          return (fr ? "Oui, " : "Yes, ") + who + verb + state(expect, fr) + ".";
        }
        if (match.hints().getBoolean("any", false)) {
          return fr ? "Non, aucun n'est " + state(expect, fr) + "." : "No, none is " + state(expect, fr) + ".";
        }
        if (differing.isEmpty()) {
          String who = String.join(fr ? " et " : " and ", names);
          String verb = fr ? (names.size() > 1 ? " sont " : " est ") : (names.size() > 1 ? " are " : " is ");
          return (fr ? "Oui, " : "Yes, ") + who + verb + state(expect, fr) + ".";
        }
        return (fr ? "Non, " : "No, ") + String.join("; ", differing) + ".";
      }
      default -> {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
          JsonObject e = entities.getJsonObject(i);
          String unit = e.getJsonObject("attributes", new JsonObject()).getString("unit_of_measurement");
          String value = number(state(e.getString("state"), fr), fr) + (unit == null ? "" : " " + unit);
          parts.add(e.getString("name") + (fr ? " : " : " is ") + value);
        }
        return String.join("; ", parts) + ".";
      }
    }
  }

  /** A state as said to a listener: "on", "allumé". */
  static String state(String state, boolean fr) {
    return StateWords.spoken(state, fr);
  }

  private static String number(String value, boolean fr) {
    return fr && value.matches("-?\\d+\\.\\d+") ? value.replace('.', ',') : value;
  }
}
