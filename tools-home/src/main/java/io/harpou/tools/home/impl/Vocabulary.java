package io.harpou.tools.home.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The closed word sets of every loaded language: kinds of devices (with device classes), colours, HVAC modes, state
 * words, relative floors ("upstairs"), "here", media classes, and the expansions sentence templates may use.
 */
public final class Vocabulary {

  private final Map<String, List<Kind>> kinds = new HashMap<>();
  private final Map<String, int[]> colors = new HashMap<>();
  private final Map<String, String> hvacModes = new HashMap<>();
  private final Map<String, String> states = new HashMap<>();
  private final Map<String, String> relativeFloors = new HashMap<>();
  private final Set<String> here = new LinkedHashSet<>();
  private final Set<String> outside = new LinkedHashSet<>();
  private final Set<String> placeStarts = new LinkedHashSet<>();
  private final Set<String> unknownPlaceStarts = new LinkedHashSet<>();
  private final Map<String, String> mediaClasses = new HashMap<>();
  private final Map<String, String> alarmModes = new HashMap<>();
  private final Map<String, String> presets = new HashMap<>();
  private final Map<String, String> expansions = new HashMap<>();
  private final Map<String, String> pets = new HashMap<>();
  private final Map<String, Set<String>> petGroups = new HashMap<>();

  /** Adds the vocabulary sections of one language file. */
  void add(JsonObject file) {
    String lang = file.getString("language", "");
    JsonObject kindSection = file.getJsonObject("kinds", new JsonObject());
    for (String spec : kindSection.fieldNames()) {
      Kind kind = Kind.parse(spec);
      for (Object w : kindSection.getJsonArray(spec)) {
        List<Kind> list = kinds.computeIfAbsent(Text.key(String.valueOf(w)), k -> new ArrayList<>(2));
        if (!list.contains(kind)) {
          list.add(kind);
        }
      }
    }
    // The older form: a domain and its words.
    JsonObject words = file.getJsonObject("domain_words", new JsonObject());
    for (String domain : words.fieldNames()) {
      for (Object w : words.getJsonArray(domain)) {
        List<Kind> list = kinds.computeIfAbsent(Text.key(String.valueOf(w)), k -> new ArrayList<>(2));
        Kind kind = new Kind(domain, Set.of());
        if (!list.contains(kind)) {
          list.add(kind);
        }
      }
    }
    JsonObject colorSection = file.getJsonObject("colors", new JsonObject());
    for (String name : colorSection.fieldNames()) {
      JsonArray rgb = colorSection.getJsonArray(name);
      colors.put(Text.normalize(name), new int[] {rgb.getInteger(0), rgb.getInteger(1), rgb.getInteger(2)});
    }
    readMap(file, "hvac_modes", hvacModes);
    readMap(file, "states", states);
    JsonObject floors = file.getJsonObject("relative_floors", new JsonObject());
    for (String direction : floors.fieldNames()) {
      for (Object w : floors.getJsonArray(direction)) {
        relativeFloors.put(Text.key(String.valueOf(w)), direction);
      }
    }
    readMap(file, "media_classes", mediaClasses);
    readMap(file, "alarm_modes", alarmModes);
    readMap(file, "presets", presets);
    JsonObject petSection = file.getJsonObject("pets", new JsonObject());
    for (String pet : petSection.fieldNames()) {
      for (Object w : petSection.getJsonArray(pet)) {
        String word = Text.normalize(String.valueOf(w));
        pets.put(word, pet);
        petGroups.computeIfAbsent(pet, k -> new LinkedHashSet<>()).add(Text.singular(word));
      }
    }
    for (Object w : file.getJsonArray("outside", new JsonArray())) {
      outside.add(Text.key(String.valueOf(w)));
    }
    for (Object w : file.getJsonArray("here", new JsonArray())) {
      here.add(Text.key(String.valueOf(w)));
    }
    for (Object w : file.getJsonArray("place_starts", new JsonArray())) {
      placeStarts.add(Text.normalize(String.valueOf(w)).split(" ")[0]);
    }
    for (Object w : file.getJsonArray("unknown_place_starts", new JsonArray())) {
      unknownPlaceStarts.add(Text.normalize(String.valueOf(w)));
    }
    JsonObject rules = file.getJsonObject("expansions", new JsonObject());
    for (String name : rules.fieldNames()) {
      expansions.put(lang + ":" + name, rules.getString(name));
    }
  }

  private static void readMap(JsonObject file, String section, Map<String, String> into) {
    JsonObject map = file.getJsonObject(section, new JsonObject());
    for (String value : map.fieldNames()) {
      for (Object w : map.getJsonArray(value)) {
        into.put(Text.normalize(String.valueOf(w)), value);
      }
    }
  }

  /** The kinds a word or phrase (as a key, see {@link Text#key}) names ("windows" → cover:window), or null. */
  public List<Kind> kinds(String phraseKey) {
    return kinds.get(phraseKey);
  }

  /** The domains a phrase names ("lights" → light), or null. */
  public Set<String> domains(String phraseKey) {
    List<Kind> found = kinds.get(phraseKey);
    if (found == null) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    found.forEach(k -> out.add(k.domain()));
    return out;
  }

  /** The Home Assistant state a word names ("locked", "verrouillée" → locked), or null. */
  public String state(String word) {
    return states.get(Text.normalize(word));
  }

  /** "up" or "down" for a relative floor phrase given as a key ("upstair", "en haut"), or null. */
  String relativeFloor(String phrase) {
    return relativeFloors.get(phrase);
  }

  /** True for a word that may open a place said at the end of a sentence ("in", "on", "upstairs", "dans"). */
  boolean placeStart(String word) {
    return placeStarts.contains(word);
  }

  /** True for a word after which a few unknown words are taken as a misheard place ("in the gargen"). */
  boolean unknownPlaceStart(String word) {
    return unknownPlaceStarts.contains(word);
  }

  /** True for a key meaning outdoors ("outside", "dehors", "exterieur"). */
  boolean outside(String key) {
    return outside.contains(key);
  }

  /** True for words meaning the speaker's room ("here", "ici"). */
  boolean here(String word) {
    return here.contains(word);
  }

  /** The usual preset id a spoken preset means ("absent" → "away"), or null; {@code said} normalised. */
  String preset(String said) {
    return presets.get(said);
  }

  /** The media class a word names ("song" → track, "station" → channel), or null. */
  String mediaClass(String word) {
    return mediaClasses.get(Text.normalize(word));
  }

  /** The alarm mode a phrase names ("away" → armed_away), or null. */
  String alarmMode(String phrase) {
    return alarmModes.get(Text.normalize(phrase));
  }

  /** The words that may name a pet's feeder for the pet said ("chat" → cat, chat, kitty...); empty when unknown. */
  Set<String> petWords(String said) {
    String pet = pets.get(Text.normalize(said));
    return pet == null ? Set.of() : petGroups.get(pet);
  }

  /** The expansion {@code <name>} of {@code language}, or null. */
  String expansion(String language, String name) {
    return expansions.get(language + ":" + name);
  }

  /** The words of the relative floors, to find them in a phrase. */
  Set<String> relativeFloorPhrases() {
    return relativeFloors.keySet();
  }

  /** Normalised words of the closed slots: colour names, mode words and state words. */
  Map<String, Set<String>> closedSlots() {
    Map<String, Set<String>> out = new HashMap<>();
    out.put("color", new LinkedHashSet<>(colors.keySet()));
    out.put("mode", new LinkedHashSet<>(hvacModes.keySet()));
    out.put("state", new LinkedHashSet<>(states.keySet()));
    out.put("alarm", new LinkedHashSet<>(alarmModes.keySet()));
    out.put("pet", new LinkedHashSet<>(pets.keySet()));
    out.put("class", new LinkedHashSet<>(mediaClasses.keySet()));
    return out;
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
