package io.harpou.tools.home.impl;

import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.tools.home.HomeEntity;
import io.harpou.tools.home.IntentMatch;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything one utterance's matching shares: the index, the speaker's room and language, the resolutions already
 * made (a phrase is resolved once however many sentences try it), and the question the last handler asked, with how
 * to finish it. Also the common way an action resolves its target, including every way of not acting.
 */
final class MatchContext {

  /** A target phrase longer than this that names nothing is not taken as a misheard name: the model may know it. */
  private static final int MAX_UNKNOWN_WORDS = 4;
  /** A misheard place is a name of a room or floor: a few words, not a clause. */
  private static final int MAX_PLACE_WORDS = 3;

  final HomeIndex index;
  final Resolver resolver;
  final Vocabulary vocabulary;
  final ExposedHomeImpl home;
  final String room;
  final String language;
  final String original;
  final IntentMatcherImpl matcher;
  private final Map<MemoKey, Resolution> memo;
  /** Nearest known names to misheard ones, found once per utterance (they are searched over the whole house). */
  private final Map<String, Optional<?>> nearest = new java.util.HashMap<>();
  /** Set with each question: the candidates it offers and how to finish once one is chosen. */
  List<HomeEntity> askedAbout = List.of();
  Function<List<HomeEntity>, IntentMatch> then;
  Outcome.PlaceRetry placeRetry;
  /**
   * How much a non-acting outcome is worth when several sentences give one: a question about known candidates beats
   * an answer, which beats "which devices in ...?", which beats a misheard place, which beats a misheard name.
   */
  int rank;
  /** A place said at the end of the utterance, cut off before matching and added to the target; or null. */
  String extraPlace;
  /** Set when a handler's target took {@link #extraPlace} in. */
  boolean extraPlaceUsed;

  static final int RANK_NAME = 1;
  static final int RANK_PLACE = 2;
  static final int RANK_PLACE_ONLY = 3;
  static final int RANK_ANSWER = 4;
  static final int RANK_QUESTION = 5;

  /** What a phrase resolved to is remembered for the whole utterance, across sentences and languages. */
  record MemoKey(String key, Set<String> domains, int flags) {
  }

  MatchContext(IntentMatcherImpl matcher, HomeIndex index, String room, String language, String original,
               Map<MemoKey, Resolution> memo) {
    this.matcher = matcher;
    this.index = index;
    this.resolver = matcher.resolver();
    this.vocabulary = matcher.catalog().vocabulary();
    this.home = matcher.home();
    this.room = room;
    this.language = language;
    this.original = original;
    this.memo = memo;
  }

  void reset() {
    askedAbout = List.of();
    then = null;
    placeRetry = null;
    rank = RANK_ANSWER;
    extraPlaceUsed = false;
  }

  boolean french() {
    return Messages.french(language);
  }

  String say(String key, Object... args) {
    return Messages.say(language, key, args);
  }

  /** {@code phrase} resolved against the index for {@code domains}, once per utterance. */
  Resolution resolve(String phrase, Set<String> domains, boolean exact) {
    Resolver.Spoken spoken = Resolver.spoken(phrase);
    MemoKey key = new MemoKey(exact ? Text.key(phrase) : spoken.keyText(), domains,
        (spoken.all() ? 1 : 0) | (spoken.plural() ? 2 : 0) | (exact ? 4 : 0) | (spoken.placed() ? 8 : 0));
    Resolution r = memo.get(key);
    if (r == null) {
      r = exact ? exactly(phrase, domains) : resolver.resolve(index, spoken, domains, room);
      memo.put(key, r);
    }
    return r;
  }

  private Resolution exactly(String phrase, Set<String> domains) {
    List<HomeEntity> named = Resolver.filter(index.byName.get(Text.key(phrase)), domains);
    if (named.isEmpty()) {
      return Resolution.unknown(Resolution.Status.UNKNOWN_NAME, phrase, null, List.copyOf(domains));
    }
    return named.size() == 1 ? Resolution.found(named, null)
        : Resolution.ambiguous(named, null, named.stream().map(HomeEntity::domain).distinct().toList());
  }

  /**
   * The resolution of an entry's target ({@code phrase}, else its default name); a lone place means the entry's
   * devices there when the entry says so.
   */
  Resolution target(IntentEntry entry, String phrase) {
    String said = phrase != null ? phrase : entry.defaultName();
    if (said == null) {
      return null;
    }
    if (extraPlace != null) {
      said = said + " " + extraPlace;
      extraPlaceUsed = true;
    }
    Resolver.Spoken spoken = Resolver.spoken(said);
    if (spoken.key().isEmpty() && !spoken.all()) {
      // "Make it cosy", "turn it on": "it" is whatever the conversation was about, which the model knows.
      return null;
    }
    Resolution r = resolve(said, entry.domains(), entry.exactName());
    if (r.generic() && entry.areaMeansDevices()) {
      // "Dim the light" in a room of two lights: as Home Assistant, the room's lights.
      return Resolution.found(r.entities(), r.place());
    }
    if (r.status() == Resolution.Status.PLACE_ONLY && entry.areaMeansDevices()) {
      List<HomeEntity> there = new java.util.ArrayList<>();
      for (String areaId : r.place().areaIds()) {
        there.addAll(index.inArea(areaId, entry.domains()));
      }
      return there.isEmpty() ? Resolution.of(Resolution.Status.NONE_THERE, r.place(), List.copyOf(entry.domains()))
          : Resolution.found(there, r.place());
    }
    return r;
  }

  /** An action on the target of {@code phrase}: a call, a question, a refusal, or null when it is not for us. */
  IntentMatch act(IntentEntry entry, String phrase, Function<List<HomeEntity>, IntentMatch> onFound) {
    Resolution r = target(entry, phrase);
    if (r == null) {
      return null;
    }
    if (r.found()) {
      return onFound.apply(r.entities());
    }
    if (r.status() == Resolution.Status.AMBIGUOUS) {
      return ask(entry, r, onFound);
    }
    return explain(entry, r, onFound);
  }

  /** A question about {@code r}'s candidates, remembering how to finish with the one the user picks. */
  IntentMatch ask(IntentEntry entry, Resolution r, Function<List<HomeEntity>, IntentMatch> next) {
    askedAbout = r.entities();
    then = next;
    rank = RANK_QUESTION;
    return IntentMatch.ask(entry.intent(), Messages.which(language, r.entities(), r.domains()));
  }

  /**
   * What to say when a target resolved to nothing to act on; null when the sentence is not about this home. A name
   * close to a known one asks whether that one was meant, and {@code onFound} finishes on a yes.
   */
  IntentMatch explain(IntentEntry entry, Resolution r, Function<List<HomeEntity>, IntentMatch> onFound) {
    String intent = entry.intent();
    rank = switch (r.status()) {
      case PLACE_ONLY -> RANK_PLACE_ONLY;
      case UNKNOWN_PLACE -> RANK_PLACE;
      case UNKNOWN_NAME -> RANK_NAME;
      case NEEDS_PLACE -> RANK_QUESTION;
      default -> RANK_ANSWER;
    };
    return switch (r.status()) {
      case PLACE_ONLY -> IntentMatch.say(intent, say("which_devices_in", placeName(r.place())), true);
      case NONE_THERE -> IntentMatch.say(intent, r.place() == null ? say("none_at_all", kindName(r.domains()))
          : say("none_there", kindName(r.domains()), placeName(r.place())), true);
      case NEEDS_PLACE -> IntentMatch.ask(intent, say("which_room"));
      case UNKNOWN_PLACE -> unknownPlace(entry, r);
      case UNKNOWN_NAME -> unknownName(entry, r, onFound);
      default -> null;
    };
  }

  private IntentMatch unknownPlace(IntentEntry entry, Resolution r) {
    String intent = entry.intent();
    if (r.place() != null && "here".equals(r.place().relative())) {
      return IntentMatch.ask(intent, say("which_room"));
    }
    if (r.place() != null) {
      return IntentMatch.say(intent, say("no_such_floor", placeName(r.place())), true);
    }
    if (!entry.askUnknown() || r.heard().split(" ").length > MAX_PLACE_WORDS) {
      return null;
    }
    String suggestion = nearest.computeIfAbsent("place " + r.heard(),
        k -> Optional.ofNullable(Resolver.nearestPlace(index, r.heard()))).map(String.class::cast).orElse(null);
    placeRetry = new Outcome.PlaceRetry(List.of(r.heard().split(" ")), suggestion);
    String heard = asSaid(r.heard());
    return IntentMatch.ask(intent, suggestion == null ? say("unknown_place", heard)
        : say("unknown_place_suggest", heard, spokenPlace(suggestion)));
  }

  private IntentMatch unknownName(IntentEntry entry, Resolution r,
                                  Function<List<HomeEntity>, IntentMatch> onFound) {
    String heard = r.heard();
    if (!entry.askUnknown() || heard == null || heard.isBlank() || heard.split(" ").length > MAX_UNKNOWN_WORDS) {
      return null;
    }
    HomeEntity nearest = this.nearest.computeIfAbsent("entity " + entry.domains() + " " + heard,
        k -> Optional.ofNullable(Resolver.nearestEntity(index, heard, entry.domains())))
        .map(HomeEntity.class::cast).orElse(null);
    if (nearest == null || onFound == null) {
      return IntentMatch.say(entry.intent(), say("unknown_device", asSaid(heard)), true);
    }
    askedAbout = List.of(nearest);
    then = onFound;
    return IntentMatch.ask(entry.intent(), say("unknown_device_suggest", asSaid(heard),
        Messages.spoken(language, nearest)));
  }

  /**
   * The words of the utterance, as written, whose keys are {@code keyWords}: "fusée" rather than "fusee", and "salle
   * de bain" with its small words when they were said between them.
   */
  private String asSaid(String keyWords) {
    java.util.Set<String> wanted = java.util.Set.copyOf(List.of(keyWords.split(" ")));
    String[] tokens = original.split("[\\s,.;:!?'’\"«»-]+");
    int first = -1;
    int last = -1;
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < tokens.length; i++) {
      String key = Text.key(tokens[i]);
      if (!key.isEmpty() && wanted.contains(key)) {
        out.add(tokens[i]);
        first = first < 0 ? i : first;
        last = i;
      }
    }
    if (out.isEmpty()) {
      return keyWords;
    }
    boolean between = true;
    for (int i = first; i <= last; i++) {
      between &= wanted.contains(Text.key(tokens[i])) || Text.key(tokens[i]).isEmpty();
    }
    return between ? String.join(" ", java.util.Arrays.asList(tokens).subList(first, last + 1))
        : String.join(" ", out);
  }

  /** The tool call acting on {@code targets}: protected ones are left out unless only they were named. */
  IntentMatch call(IntentEntry entry, String tool, JsonObject args, List<HomeEntity> targets) {
    List<HomeEntity> open = targets.stream().filter(e -> !e.isProtected()).toList();
    String chosen = tool;
    List<HomeEntity> acted = targets;
    JsonObject hints = new JsonObject();
    if (open.isEmpty()) {
      chosen = ProtectedTools.tool(tool, targets, args);
      if (chosen == null) {
        return IntentMatch.say(entry.intent(), say("protected_refused", Messages.names(language, targets)), true);
      }
    } else if (!ProtectedTools.isProtectedTool(tool)) {
      acted = open;
      List<HomeEntity> left = targets.stream().filter(HomeEntity::isProtected).toList();
      if (!left.isEmpty()) {
        hints.put("left_alone", Messages.names(language, left));
      }
    }
    JsonArray ids = new JsonArray();
    acted.forEach(e -> ids.add(e.entityId()));
    JsonObject withTargets = args.copy().put("entity_id", ids);
    return IntentMatch.call(entry.intent(), ToolCall.of(chosen, withTargets), ids.getList(), hints);
  }

  /** How a place is said: "the kitchen", "la cuisine", "the first floor", "upstairs". */
  String placeName(Place place) {
    if (place == null) {
      return say("the_house");
    }
    if (place.area() != null) {
      return spokenPlace(french() ? frenchName(place.area().name(), place.area().aliases()) : place.area().name());
    }
    if (place.floor() != null) {
      return spokenPlace(french() ? frenchName(place.floor().name(), place.floor().aliases())
          : place.floor().name());
    }
    return say("up".equals(place.relative()) ? "upstairs" : "downstairs");
  }

  private String spokenPlace(String name) {
    return french() ? French.withArticle(name.toLowerCase(java.util.Locale.ROOT))
        : "the " + name.toLowerCase(java.util.Locale.ROOT);
  }

  private static String frenchName(String name, List<String> aliases) {
    return aliases.stream().filter(a -> !a.isBlank() && (a.matches(".*[éèêàçô].*") || a.contains(" de ")
        || a.contains("'"))).findFirst().orElse(aliases.isEmpty() ? name : aliases.get(0));
  }

  /** How a kind of device is said in a refusal: "light", "lumière". */
  String kindName(List<String> domains) {
    return Messages.kind(language, domains.size() == 1 ? domains.get(0) : "*");
  }
}
