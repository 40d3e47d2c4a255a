package io.harpou.tools.home.impl;

import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.tools.home.HomeEntity;
import io.harpou.tools.home.IntentMatch;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/** Turns one matched sentence into a tool call or a question, resolving its slots against the index. */
final class IntentHandlers {

  private static final Set<String> KNOWN = Set.of("turn_on", "turn_off", "toggle", "set_brightness",
      "brightness_step", "set_color", "set_color_temp", "set_temperature", "set_hvac_mode", "cover",
      "set_cover_position", "media", "media_source", "lock", "unlock", "activate_scene", "run_script",
      "get_temperature", "get_state_is", "what_state", "list_items", "add_to_list");

  final HomeIndex index;
  final Resolver resolver;
  final Vocabulary vocabulary;
  final ExposedHomeImpl home;
  final String room;
  final String language;
  private final String original;
  private final String normalized;
  private final String stripped;
  private final Map<MemoKey, Resolution> memo;
  private Sentence sentence;
  /** Set with each question asked: its candidates and how to finish once one is chosen. */
  List<HomeEntity> askedAbout = List.of();
  java.util.function.Function<List<HomeEntity>, IntentMatch> then;

  /** What a slot phrase resolved to is remembered for the whole utterance, across sentences and languages. */
  record MemoKey(String key, Set<String> domains, int flags) {
  }

  IntentHandlers(HomeIndex index, Resolver resolver, Vocabulary vocabulary, ExposedHomeImpl home, String room,
                 String language, String original, String normalized, String stripped,
                 Map<MemoKey, Resolution> memo) {
    this.memo = memo;
    this.index = index;
    this.resolver = resolver;
    this.vocabulary = vocabulary;
    this.home = home;
    this.room = room;
    this.language = language;
    this.original = original;
    this.normalized = normalized;
    this.stripped = stripped;
  }

  static boolean known(String intent) {
    return KNOWN.contains(intent);
  }

  /** The call or question for {@code entry} matched by {@code m}, or null when its slots do not resolve. */
  IntentMatch handle(IntentEntry entry, Sentence matched, Matcher m) {
    this.sentence = matched;
    this.askedAbout = List.of();
    this.then = null;
    String name = slot(m, "name");
    String where = slot(m, "where");
    if (where != null) {
      // "are the lights on in the kitchen": the place said after the state still narrows the target.
      name = name == null ? where : name + " " + where;
    }
    JsonObject args = entry.args().copy();
    String intent = entry.intent();
    switch (intent) {
      case "set_brightness", "set_cover_position", "set_temperature" -> {
        String key = intent.equals("set_brightness") ? "brightness"
            : intent.equals("set_cover_position") ? "position" : "temperature";
        Double n = number(m);
        if (n == null && args.containsKey(key)) {
          n = args.getDouble(key);
        }
        if (n == null) {
          return null;
        }
        if (!key.equals("temperature") && (n < 0 || n > 100)) {
          return null;
        }
        args.put(key, n);
        if (key.equals("position")) {
          args.put("action", "position");
        }
      }
      case "set_color_temp" -> {
        Double n = number(m);
        if (n != null) {
          args.put("color_temp_kelvin", n);
        }
        if (!args.containsKey("color_temp_kelvin")) {
          return null;
        }
      }
      case "set_color" -> args.put("color", slot(m, "color"));
      case "set_hvac_mode" -> {
        String mode = vocabulary.hvacMode(slot(m, "mode"));
        if (mode == null) {
          return null;
        }
        args.put("hvac_mode", mode);
      }
      case "media" -> {
        if ("volume_set".equals(args.getString("action"))) {
          Double n = number(m);
          if (n == null || n < 0 || n > 100) {
            return null;
          }
          args.put("volume", n);
        }
      }
      case "media_source" -> args.put("action", "source").put("source", slot(m, "source"));
      default -> {
      }
    }
    return switch (intent) {
      case "get_temperature" -> Queries.temperature(this, entry, name);
      case "get_state_is" -> Queries.stateIs(this, entry, name, slot(m, "state"));
      case "what_state" -> Queries.whatState(this, entry, name);
      case "list_items" -> lists(entry, slot(m, "list"), null);
      case "add_to_list" -> {
        String item = originalSlot(m, "item");
        yield item == null || item.isBlank() ? null : lists(entry, slot(m, "list"), item);
      }
      case "media", "media_source" -> act(entry, name, "media_control", args);
      case "cover", "set_cover_position" -> act(entry, name, "set_cover", args);
      case "set_brightness", "brightness_step", "set_color", "set_color_temp" -> act(entry, name, "set_light", args);
      case "set_temperature", "set_hvac_mode" -> act(entry, name, "set_climate", args);
      default -> act(entry, name, intent, args);
    };
  }

  /** What is playing rather than a device: "turn off the music" is a media stop, not a power switch. */
  private static final Set<String> MUSIC = Set.of("music", "song", "track", "playback", "musique", "chanson",
      "morceau", "lecture");

  private IntentMatch act(IntentEntry entry, String name, String tool, JsonObject args) {
    if (name != null && (tool.equals("turn_on") || tool.equals("turn_off") || tool.equals("toggle"))
        && MUSIC.contains(Resolver.spoken(name).keyText())) {
      return null;
    }
    Resolution r = target(entry, name);
    if (r == null) {
      return null;
    }
    if (r.kind() == Resolution.Kind.AMBIGUOUS) {
      JsonObject template = args.copy();
      return ask(entry, r, chosen -> actOn(entry, tool, template.copy(), chosen));
    }
    return actOn(entry, tool, args, r.entities());
  }

  /** A question about {@code r}'s candidates, remembering how to finish with the one the user picks. */
  IntentMatch ask(IntentEntry entry, Resolution r, java.util.function.Function<List<HomeEntity>, IntentMatch> next) {
    askedAbout = r.entities();
    then = next;
    return IntentMatch.ask(entry.intent(), Messages.which(language, r.entities(), r.domains()));
  }

  private IntentMatch actOn(IntentEntry entry, String tool, JsonObject args, List<HomeEntity> chosen) {
    List<HomeEntity> targets = chosen;
    List<HomeEntity> open = targets.stream().filter(e -> !e.isProtected()).toList();
    String chosenTool = tool;
    if (open.isEmpty()) {
      chosenTool = protectedTool(tool, targets, args);
      if (chosenTool == null) {
        return null;
      }
    } else if (!tool.equals("lock") && !tool.equals("unlock")) {
      targets = open;
    }
    JsonArray ids = new JsonArray();
    targets.forEach(e -> ids.add(e.entityId()));
    args.put("entity_id", ids);
    return IntentMatch.call(entry.intent(), ToolCall.of(chosenTool, args), ids.getList(), null);
  }

  /** The PROTECTED tool for an action on protected entities only, or null when the matcher should not try. */
  private static String protectedTool(String tool, List<HomeEntity> targets, JsonObject args) {
    if (tool.equals("lock") || tool.equals("unlock")) {
      return tool;
    }
    boolean covers = targets.stream().allMatch(e -> e.domain().equals("cover"));
    if (!covers) {
      return null;
    }
    switch (tool) {
      case "turn_on" -> args.put("action", "open");
      case "turn_off" -> args.put("action", "close");
      case "set_cover" -> {
        if (!args.containsKey("action")) {
          return null;
        }
      }
      default -> {
        return null;
      }
    }
    return "set_garage_door";
  }

  /** The resolution of the sentence's target, or null when the sentence is not about these devices. */
  Resolution target(IntentEntry entry, String name) {
    if (entry.intent().startsWith("media") && (name == null || PlayerChoice.generic(this, name))) {
      return PlayerChoice.byActivity(this, "play".equals(entry.args().getString("action")));
    }
    String phrase = name != null ? name : entry.defaultName();
    if (phrase == null) {
      return null;
    }
    Resolution r = resolve(phrase, entry.domains(), entry.exactName());
    if (r.kind() == Resolution.Kind.AREA_ONLY && entry.areaMeansDevices()) {
      List<HomeEntity> here = index.inArea(r.area().areaId(), entry.domains());
      r = here.isEmpty() ? null : here.size() == 1 ? Resolution.found(here, r.area())
          : Resolution.ambiguous(here, r.area(), List.copyOf(entry.domains()));
    }
    if (r == null || r.kind() == Resolution.Kind.NOT_FOUND || r.kind() == Resolution.Kind.AREA_ONLY) {
      return null;
    }
    return r;
  }

  /** {@code phrase} resolved against the index without suggestions, once per utterance. */
  Resolution resolve(String phrase, Set<String> domains, boolean exact) {
    if (exact) {
      MemoKey key = new MemoKey(Text.key(phrase), domains, 4);
      Resolution r = memo.get(key);
      if (r == null) {
        r = resolver.exact(index, phrase, domains);
        memo.put(key, r);
      }
      return r;
    }
    Resolver.Spoken spoken = Resolver.spoken(phrase);
    MemoKey key = new MemoKey(spoken.keyText(), domains, (spoken.all() ? 1 : 0) | (spoken.plural() ? 2 : 0));
    Resolution r = memo.get(key);
    if (r == null) {
      r = resolver.resolve(index, spoken, domains, room, false);
      memo.put(key, r);
    }
    return r;
  }

  private IntentMatch lists(IntentEntry entry, String listSlot, String item) {
    Resolution r = target(entry, listSlot);
    if (r == null) {
      return null;
    }
    if (r.kind() == Resolution.Kind.AMBIGUOUS || r.entities().size() != 1) {
      return ask(entry, new Resolution(Resolution.Kind.AMBIGUOUS, r.entities(), r.area(), List.of("todo")),
          chosen -> chosen.size() == 1 ? listCall(entry, chosen.get(0), item) : null);
    }
    return listCall(entry, r.entities().get(0), item);
  }

  private IntentMatch listCall(IntentEntry entry, HomeEntity list, String item) {
    String id = list.entityId();
    JsonObject args = new JsonObject().put("entity_id", id);
    if (item != null) {
      args.put("item", item);
    }
    return IntentMatch.call(entry.intent(), ToolCall.of(item == null ? "get_list_items" : "add_to_list", args),
        List.of(id), null);
  }

  String slot(Matcher m, String name) {
    if (!sentence.hasSlot(name)) {
      return null;
    }
    String value = m.group(name);
    return value == null ? null : value.trim();
  }

  private Double number(Matcher m) {
    String value = slot(m, "number");
    return value == null ? null : NumberWords.parse(value);
  }

  private static final Set<String> PARTITIVES = Set.of("some", "a", "an", "the", "more", "du", "des", "de", "d",
      "un", "une", "encore", "la", "le", "les", "l");

  /** A slot as it was written (case and accents kept), without a leading partitive ("du lait" → "lait"). */
  String originalSlot(Matcher m, String name) {
    String value = slot(m, name);
    if (value == null) {
      return null;
    }
    String[] tokens = original.trim().split("\\s+");
    List<Integer> owner = new ArrayList<>();
    for (int i = 0; i < tokens.length; i++) {
      String n = Text.normalize(tokens[i]);
      if (!n.isEmpty()) {
        for (String ignored : n.split(" ")) {
          owner.add(i);
        }
      }
    }
    int prefix = normalized.indexOf(stripped);
    int startTok = countWords(normalized.substring(0, Math.max(prefix, 0))) + countWords(
        stripped.substring(0, m.start(name)));
    int endTok = startTok + countWords(value);
    if (owner.size() != countWords(normalized) || endTok > owner.size() || prefix < 0) {
      return dropPartitive(value);
    }
    List<String> out = new ArrayList<>();
    for (int i = owner.get(startTok); i <= owner.get(endTok - 1); i++) {
      out.add(tokens[i]);
    }
    return dropPartitive(String.join(" ", out).replaceAll("^[\\p{Punct}«»]+|[\\p{Punct}«»]+$", ""));
  }

  private static String dropPartitive(String text) {
    String s = text.trim();
    boolean changed = true;
    while (changed) {
      changed = false;
      String lower = s.toLowerCase(java.util.Locale.ROOT);
      if (lower.matches("^[dl]['’].+")) {
        s = s.substring(2);
        changed = true;
        continue;
      }
      int space = s.indexOf(' ');
      if (space > 0 && PARTITIVES.contains(Text.normalize(s.substring(0, space)))) {
        s = s.substring(space + 1).trim();
        changed = true;
      }
    }
    return s;
  }

  private static int countWords(String s) {
    String t = s.trim();
    return t.isEmpty() ? 0 : t.split(" ").length;
  }
}
