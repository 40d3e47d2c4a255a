package io.harpou.tools.home.impl;

import io.harpou.bridge.api.home.Area;
import io.harpou.tools.home.HomeEntity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a spoken target ("the kitchen light", "the lights upstairs", "les fenêtres de la chambre", "the lamp") into
 * entities, using only the index: an exact name or alias first; then a place (area, floor, "upstairs", "in here") and
 * what is left of the phrase, as a name, a kind of device (with its device class) or both; then the speaker's room.
 * It never guesses and never widens: several candidates give AMBIGUOUS, a place or name nobody knows gives
 * UNKNOWN_PLACE or UNKNOWN_NAME with the nearest known one, and "everything" needs a place.
 */
public final class Resolver {

  private static final Set<String> ALL_WORDS = Set.of("all", "every", "each", "tout", "toute", "tous", "toutes",
      "ensemble", "both");

  private static final Kind EVERYTHING = Kind.parse("*");

  private final Vocabulary vocabulary;

  /** A resolver using {@code vocabulary} for words that name kinds of devices and places. */
  public Resolver(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /**
   * A target phrase reduced to what resolution depends on: its key words (fillers and "all" words dropped, singular),
   * whether "all" was said, and whether a word was plural.
   */
  record Spoken(List<String> key, String keyText, boolean all, boolean plural, boolean placed) {
  }

  /** Words that put what follows in a place: "the lamp in the office" is not "the office lamp". */
  private static final Set<String> IN_WORDS = Set.of("in", "inside", "dans");

  /** {@code phrase} reduced for resolution. */
  static Spoken spoken(String phrase) {
    List<String> words = Text.words(phrase);
    boolean all = false;
    boolean plural = false;
    boolean placed = false;
    List<String> kept = new ArrayList<>(words.size());
    for (String w : words) {
      if (ALL_WORDS.contains(w)) {
        all = true;
      } else {
        plural |= !Text.FILLERS.contains(w) && Text.looksPlural(w);
        placed |= IN_WORDS.contains(w);
        kept.add(w);
      }
    }
    List<String> key = Text.keyWords(kept);
    return new Spoken(key, String.join(" ", key), all, plural, placed);
  }

  /** Resolves {@code phrase} for an action on {@code domains} (empty: any), for a speaker in {@code room}. */
  Resolution resolve(HomeIndex index, String phrase, Set<String> domains, String room) {
    return resolve(index, spoken(phrase), domains, room);
  }

  /** As {@link #resolve(HomeIndex, String, Set, String)} on a phrase already reduced. */
  Resolution resolve(HomeIndex index, Spoken spoken, Set<String> domains, String room) {
    List<String> key = spoken.key();
    Area roomArea = index.area(room);
    if (key.isEmpty()) {
      // "Éteins tout": everything, in the speaker's room.
      return spoken.all() ? byKind(index, List.of(EVERYTHING), domains, null, spoken, roomArea)
          : Resolution.unknown(Resolution.Status.UNKNOWN_NAME, "", null, List.copyOf(domains));
    }
    List<HomeEntity> named = index.byName.get(spoken.keyText());
    Place place = Places.find(index, vocabulary, key, roomArea);
    if (named != null && spoken.placed() && place != null && !place.rest().isEmpty()) {
      // "La lampe dans le bureau" is the office's lamp, even with a "lampe de bureau" elsewhere in the list.
      List<HomeEntity> there = inPlace(index, place, filter(index.byName.get(String.join(" ", place.rest())),
          domains));
      if (!there.isEmpty()) {
        return pick(there, spoken, roomArea, place);
      }
    }
    if (named != null) {
      List<HomeEntity> fitting = filter(named, domains);
      if (!fitting.isEmpty()) {
        Resolution wider = widerReading(index, spoken, domains, place, roomArea, fitting);
        return wider != null ? wider : pick(fitting, spoken, roomArea, null);
      }
      if (vocabulary.kinds(spoken.keyText()) == null) {
        // "Lock the back door" when "Back door" is a sensor and "Back door lock" a lock: the name and its kind word.
        List<HomeEntity> withKind = withKindWord(index, spoken.key(), domains);
        if (!withKind.isEmpty()) {
          return pick(withKind, spoken, roomArea, null);
        }
        // "Open the front door" when the front door is a lock: that device, which this action does not fit.
        return new Resolution(Resolution.Status.WRONG_KIND, named, null, List.copyOf(domains), null, null);
      }
    }
    if (place != null && place.areas().isEmpty()) {
      // "In here" from nowhere, or "upstairs" in a house with one floor: the place is not one we can act in.
      return new Resolution(Resolution.Status.UNKNOWN_PLACE, List.of(), place, List.copyOf(domains),
          String.join(" ", key), null);
    }
    List<String> rest = place == null ? key : place.rest();
    if (place != null && rest.isEmpty()) {
      return spoken.all() ? byKind(index, List.of(EVERYTHING), domains, place, spoken, roomArea)
          : Resolution.of(Resolution.Status.PLACE_ONLY, place, List.copyOf(domains));
    }
    String restKey = String.join(" ", rest);
    if (place != null) {
      List<HomeEntity> exact = inPlace(index, place, filter(index.byName.get(restKey), domains));
      if (!exact.isEmpty()) {
        return pick(exact, spoken, roomArea, place);
      }
    }
    List<Kind> kinds = vocabulary.kinds(restKey);
    if (kinds != null) {
      return byKind(index, kinds, domains, place, spoken, roomArea);
    }
    List<HomeEntity> containing = filter(containingAll(index, rest, place), domains);
    if (!containing.isEmpty()) {
      return pick(containing, spoken, roomArea, place);
    }
    Resolution split = nameAndKind(index, rest, domains, place, spoken, roomArea);
    if (split != null) {
      return split;
    }
    if (named != null && !named.isEmpty()) {
      return new Resolution(Resolution.Status.WRONG_KIND, named, place, List.copyOf(domains), null, null);
    }
    return unknown(index, rest, place, domains);
  }

  /**
   * A name that is also a place and a kind, or a kind: "the kitchen lights" are the kitchen's lights even when one of
   * them is called "kitchen light", and "the TV" said in the bedroom is the bedroom's even when another is called
   * "TV". Null when the name alone should be taken.
   */
  private Resolution widerReading(HomeIndex index, Spoken spoken, Set<String> domains, Place place, Area room,
                                  List<HomeEntity> named) {
    List<String> rest = place == null ? spoken.key() : place.rest();
    List<Kind> kinds = vocabulary.kinds(String.join(" ", rest));
    if (kinds == null) {
      return null;
    }
    if (spoken.plural() && named.size() == 1 && !pluralName(index, named.get(0))) {
      // "The kitchen lights", "les télés": plural said, while the one name matched is singular ("kitchen light").
      // ("The lamps" when two devices are called "Lamp" is those two.)
      Resolution byPlace = byKind(index, kinds, domains, place, spoken, room);
      boolean wider = byPlace.entities().size() > named.size()
          && (byPlace.found() || byPlace.status() == Resolution.Status.AMBIGUOUS);
      return wider ? byPlace : null;
    }
    if (place == null && room != null && named.stream().noneMatch(e -> room.areaId().equals(e.areaId()))) {
      // "The lamp" in the bedroom, where the only lamp is the "Bedside lamp": that one.
      List<HomeEntity> called = filter(containingAll(index, rest, new Place(room, null, null, List.of(room), rest)),
          domains);
      if (called.size() == 1) {
        return Resolution.found(called, null);
      }
      Resolution inRoom = byKind(index, kinds, domains, null, spoken, room);
      boolean inTheRoom = !inRoom.entities().isEmpty() && inRoom.entities().stream()
          .allMatch(e -> room.areaId().equals(e.areaId()));
      return inTheRoom && inRoom.status() != Resolution.Status.NONE_THERE ? inRoom : null;
    }
    return null;
  }

  /**
   * Entities of {@code domains} whose name is the words said plus only words naming their own kind ("back door" and
   * "Back door lock" for a lock; "porte de derrière" and "serrure de derrière").
   */
  private List<HomeEntity> withKindWord(HomeIndex index, List<String> words, Set<String> domains) {
    if (domains.isEmpty()) {
      return List.of();
    }
    // The words said, less those naming the kind itself ("porte" for a lock: "la porte de derrière").
    List<String> core = words.stream().filter(w -> !kindOf(w, domains)).toList();
    if (core.isEmpty()) {
      return List.of();
    }
    List<HomeEntity> out = new ArrayList<>();
    for (HomeEntity e : filter(containingAll(index, core, null), domains)) {
      for (String name : index.nameTexts(e)) {
        List<String> extra = new ArrayList<>(Text.keyWords(Text.words(name)));
        extra.removeAll(core);
        if (!extra.isEmpty() && extra.stream().allMatch(w -> fitsKind(w, e))) {
          out.add(e);
          break;
        }
      }
    }
    return out;
  }

  private boolean kindOf(String word, Set<String> domains) {
    List<Kind> kinds = vocabulary.kinds(word);
    return kinds != null && kinds.stream().anyMatch(k -> !"*".equals(k.domain()) && domains.contains(k.domain()));
  }

  private boolean fitsKind(String word, HomeEntity e) {
    List<Kind> kinds = vocabulary.kinds(word);
    return kinds != null && kinds.stream().anyMatch(k -> !"*".equals(k.domain()) && k.matches(e));
  }

  /** True when one of the entity's names is itself plural ("Under-cabinet lights", "spots de la cuisine"). */
  private static boolean pluralName(HomeIndex index, HomeEntity e) {
    for (String name : index.nameTexts(e)) {
      for (String w : Text.words(name)) {
        if (!Text.FILLERS.contains(w) && Text.looksPlural(w)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A kind of device, in the place, or with "all" everywhere, or in the speaker's room, or the only one. */
  private Resolution byKind(HomeIndex index, List<Kind> named, Set<String> domains, Place place, Spoken spoken,
                            Area room) {
    List<Kind> kinds = named.stream().filter(k -> k.within(domains)).toList();
    List<String> kindDomains = kinds.stream().map(Kind::domain).distinct().toList();
    if (kinds.isEmpty()) {
      return new Resolution(Resolution.Status.WRONG_KIND, List.of(), place, List.copyOf(domains), null, null);
    }
    boolean everything = kinds.stream().anyMatch(k -> "*".equals(k.domain()));
    if (place != null) {
      List<HomeEntity> here = ofKinds(index, kinds, domains, place.areaIds());
      if (here.isEmpty()) {
        return Resolution.of(Resolution.Status.NONE_THERE, place, kindDomains);
      }
      return here.size() == 1 || spoken.plural() || spoken.all() || everything ? Resolution.found(here, place)
          : Resolution.generic(here, place, kindDomains);
    }
    if (everything) {
      // "Turn off everything" means the speaker's room; with no room it needs one.
      if (room == null) {
        return Resolution.of(Resolution.Status.NEEDS_PLACE, null, kindDomains);
      }
      Place inRoom = new Place(room, index.floorOf(room.areaId()), null, List.of(room), List.of());
      List<HomeEntity> here = ofKinds(index, kinds, domains, List.of(room.areaId()));
      return here.isEmpty() ? Resolution.of(Resolution.Status.NONE_THERE, inRoom, kindDomains)
          : Resolution.found(here, inRoom);
    }
    if (spoken.all()) {
      List<HomeEntity> all = ofKinds(index, kinds, domains, null);
      return all.isEmpty() ? Resolution.of(Resolution.Status.NONE_THERE, null, kindDomains)
          : Resolution.found(all, null);
    }
    if (room != null) {
      List<HomeEntity> here = ofKinds(index, kinds, domains, List.of(room.areaId()));
      if (!here.isEmpty()) {
        Place inRoom = new Place(room, index.floorOf(room.areaId()), null, List.of(room), List.of());
        return here.size() == 1 || spoken.plural() ? Resolution.found(here, inRoom)
            : Resolution.generic(here, inRoom, kindDomains);
      }
    }
    List<HomeEntity> everywhere = ofKinds(index, kinds, domains, null);
    if (everywhere.isEmpty()) {
      return Resolution.of(Resolution.Status.NONE_THERE, null, kindDomains);
    }
    return everywhere.size() == 1 ? Resolution.found(everywhere, null)
        : Resolution.ambiguous(everywhere, null, kindDomains);
  }

  /** "The bedside lamp": a name followed or preceded by a kind word, both required. */
  private Resolution nameAndKind(HomeIndex index, List<String> rest, Set<String> domains, Place place,
                                 Spoken spoken, Area room) {
    for (int cut = 1; cut < rest.size(); cut++) {
      for (boolean kindLast : new boolean[] {true, false}) {
        List<String> kindWords = kindLast ? rest.subList(cut, rest.size()) : rest.subList(0, cut);
        List<String> nameWords = kindLast ? rest.subList(0, cut) : rest.subList(cut, rest.size());
        List<Kind> kinds = vocabulary.kinds(String.join(" ", kindWords));
        if (kinds == null) {
          continue;
        }
        List<HomeEntity> out = new ArrayList<>();
        for (HomeEntity e : filter(containingAll(index, nameWords, place), domains)) {
          if (kinds.stream().anyMatch(k -> k.matches(e))) {
            out.add(e);
          }
        }
        if (!out.isEmpty()) {
          return pick(out, spoken, room, place);
        }
      }
    }
    return null;
  }

  /**
   * Nothing fits. With a kind word and no known place, the other words are a misheard place ("the gargen lights");
   * otherwise they are a misheard name. Either way the nearest known one is offered.
   */
  private Resolution unknown(HomeIndex index, List<String> rest, Place place, Set<String> domains) {
    List<String> unknownWords = new ArrayList<>();
    boolean kindWord = false;
    for (String w : rest) {
      if (vocabulary.kinds(w) != null) {
        kindWord = true;
      } else if (!index.byWord.containsKey(w)) {
        unknownWords.add(w);
      }
    }
    if (place == null && kindWord && !unknownWords.isEmpty()) {
      List<String> heard = rest.stream().filter(w -> vocabulary.kinds(w) == null).toList();
      return Resolution.unknown(Resolution.Status.UNKNOWN_PLACE, String.join(" ", heard), null,
          List.copyOf(domains));
    }
    return new Resolution(Resolution.Status.UNKNOWN_NAME, List.of(), place, List.copyOf(domains),
        String.join(" ", rest), null);
  }

  /** The nearest area or floor name to {@code heard}, or null. */
  static String nearestPlace(HomeIndex index, String heard) {
    String key = Similar.nearest(Text.key(heard), index.placeNames.keySet());
    return key == null ? null : index.placeNames.getOrDefault(key, key);
  }

  /** The nearest name or alias of an entity of {@code domains} to {@code heard}, or null. */
  static HomeEntity nearestEntity(HomeIndex index, String heard, Set<String> domains) {
    String wanted = Text.key(heard);
    List<String> keys = new ArrayList<>();
    for (var entry : index.byName.entrySet()) {
      if (!filter(entry.getValue(), domains).isEmpty()) {
        keys.add(entry.getKey());
      }
    }
    String key = Similar.nearest(wanted, keys);
    return key == null ? null : filter(index.byName.get(key), domains).get(0);
  }

  private static Resolution pick(List<HomeEntity> candidates, Spoken spoken, Area room, Place place) {
    if (candidates.size() == 1 || spoken.all() || spoken.plural() && sameName(candidates)) {
      return Resolution.found(candidates, place);
    }
    if (room != null) {
      List<HomeEntity> here = candidates.stream().filter(e -> room.areaId().equals(e.areaId())).toList();
      if (here.size() == 1) {
        return Resolution.found(here, place);
      }
    }
    return Resolution.ambiguous(candidates, place, candidates.stream().map(HomeEntity::domain).distinct().toList());
  }

  private static boolean sameName(List<HomeEntity> entities) {
    return entities.stream().map(e -> Text.key(e.name())).distinct().count() == 1;
  }

  private static List<HomeEntity> ofKinds(HomeIndex index, List<Kind> kinds, Set<String> domains,
                                          List<String> areaIds) {
    Set<String> kindDomains = new LinkedHashSet<>();
    for (Kind k : kinds) {
      if ("*".equals(k.domain())) {
        kindDomains.addAll(Kind.SWEPT);
      } else {
        kindDomains.add(k.domain());
      }
    }
    if (!domains.isEmpty()) {
      kindDomains.retainAll(domains);
    }
    List<HomeEntity> out = new ArrayList<>();
    if (areaIds == null) {
      for (HomeEntity e : index.ofDomains(kindDomains)) {
        if (matchesAny(kinds, e)) {
          out.add(e);
        }
      }
      return out;
    }
    for (String areaId : areaIds) {
      for (HomeEntity e : index.inArea(areaId, kindDomains)) {
        if (matchesAny(kinds, e)) {
          out.add(e);
        }
      }
    }
    return out;
  }

  private static boolean matchesAny(List<Kind> kinds, HomeEntity e) {
    for (Kind k : kinds) {
      if (k.matches(e)) {
        return true;
      }
    }
    return false;
  }

  private static List<HomeEntity> inPlace(HomeIndex index, Place place, List<HomeEntity> entities) {
    if (entities.isEmpty()) {
      return entities;
    }
    Set<String> ids = Set.copyOf(place.areaIds());
    return entities.stream().filter(e -> ids.contains(e.areaId())).toList();
  }

  /** Entities (in {@code place} when given) one of whose names holds every word of {@code words}. */
  /** The entities whose names hold every key word of {@code key}, anywhere in the house. */
  static List<HomeEntity> containing(HomeIndex index, String key) {
    return key.isEmpty() ? List.of() : containingAll(index, List.of(key.split(" ")), null);
  }

  private static List<HomeEntity> containingAll(HomeIndex index, List<String> words, Place place) {
    List<HomeEntity> smallest = null;
    for (String w : words) {
      List<HomeEntity> hits = index.byWord.get(w);
      if (hits == null) {
        return List.of();
      }
      if (smallest == null || hits.size() < smallest.size()) {
        smallest = hits;
      }
    }
    if (smallest == null) {
      return List.of();
    }
    Set<String> areas = place == null ? null : Set.copyOf(place.areaIds());
    List<HomeEntity> out = new ArrayList<>();
    for (HomeEntity e : smallest) {
      if ((areas == null || areas.contains(e.areaId())) && index.nameHasAll(e, words)) {
        out.add(e);
      }
    }
    return out;
  }

  static List<HomeEntity> filter(List<HomeEntity> entities, Set<String> domains) {
    if (entities == null) {
      return List.of();
    }
    if (domains.isEmpty()) {
      return entities;
    }
    return entities.stream().filter(e -> domains.contains(e.domain())).toList();
  }
}
