package io.harpou.tools.home.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Words that name kinds of devices, colours and modes, gathered from every loaded language file. */
public final class Vocabulary {

  private final Map<String, Set<String>> domainWords = new HashMap<>();
  private final Map<String, int[]> colors = new HashMap<>();
  private final Map<String, String> hvacModes = new HashMap<>();
  private final Map<String, String> states = new HashMap<>();

  /** Adds the {@code domain_words}, {@code colors} and {@code hvac_modes} sections of one language file. */
  void add(JsonObject file) {
    JsonObject words = file.getJsonObject("domain_words", new JsonObject());
    for (String domain : words.fieldNames()) {
      for (Object w : words.getJsonArray(domain)) {
        domainWords.computeIfAbsent(Text.key(String.valueOf(w)), k -> new LinkedHashSet<>()).add(domain);
      }
    }
    JsonObject colorSection = file.getJsonObject("colors", new JsonObject());
    for (String name : colorSection.fieldNames()) {
      JsonArray rgb = colorSection.getJsonArray(name);
      colors.put(Text.normalize(name), new int[] {rgb.getInteger(0), rgb.getInteger(1), rgb.getInteger(2)});
    }
    JsonObject modes = file.getJsonObject("hvac_modes", new JsonObject());
    for (String mode : modes.fieldNames()) {
      for (Object w : modes.getJsonArray(mode)) {
        hvacModes.put(Text.normalize(String.valueOf(w)), mode);
      }
    }
    JsonObject stateSection = file.getJsonObject("states", new JsonObject());
    for (String state : stateSection.fieldNames()) {
      for (Object w : stateSection.getJsonArray(state)) {
        states.put(Text.normalize(String.valueOf(w)), state);
      }
    }
  }

  /** The Home Assistant state a word names ("locked", "verrouillée" → locked), or null. */
  public String state(String word) {
    return states.get(Text.normalize(word));
  }

  /** Normalised words of the closed slots: colour names, mode words and state words. */
  Map<String, Set<String>> closedSlots() {
    Map<String, Set<String>> out = new HashMap<>();
    Set<String> colorWords = new LinkedHashSet<>();
    for (String c : colors.keySet()) {
      colorWords.add(c);
    }
    out.put("color", colorWords);
    out.put("mode", new LinkedHashSet<>(hvacModes.keySet()));
    out.put("state", new LinkedHashSet<>(states.keySet()));
    return out;
  }

  /** The domains a word or phrase names ("lights" → light), or null. */
  public Set<String> domains(String phraseKey) {
    return domainWords.get(phraseKey);
  }

  /** The RGB of a colour name in any loaded language, or null. */
  public int[] color(String name) {
    return colors.get(Text.normalize(name));
  }

  /** The HVAC mode a word names ("heating", "chauffage" → heat), or null. */
  public String hvacMode(String word) {
    return hvacModes.get(Text.normalize(word));
  }
}
