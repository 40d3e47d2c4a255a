package io.harpou.tools.home.impl;

import io.harpou.bridge.api.home.Area;
import io.harpou.tools.home.HomeEntity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a spoken target ("the kitchen light", "lights in the bedroom", "toutes les lumières", "the lamp") into
 * entities, using only the index: exact names and aliases first, then an area plus a kind of device or a name, then a
 * kind of device in the speaker's room, then a unique partial name. It never guesses: several candidates give
 * AMBIGUOUS, and a lone area gives AREA_ONLY.
 */
public final class Resolver {

  private static final Set<String> ALL_WORDS = Set.of("all", "every", "each", "tout", "toute", "tous", "toutes",
      "ensemble");

  private final Vocabulary vocabulary;

  /** A resolver using {@code vocabulary} for words that name kinds of devices. */
  public Resolver(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /**
   * Resolves {@code phrase}.
   *
   * @param index the home's index
   * @param phrase what was said
   * @param domains the domains the action applies to; empty for any
   * @param room the speaker's room (area id or name), or null
   */
  Resolution resolve(HomeIndex index, String phrase, Set<String> domains, String room) {
    return resolve(index, phrase, domains, room, true);
  }

  /** As {@link #resolve(HomeIndex, String, Set, String)}; without suggestions when {@code suggest} is false. */
  Resolution resolve(HomeIndex index, String phrase, Set<String> domains, String room, boolean suggest) {
    return resolve(index, spoken(phrase), domains, room, suggest);
  }

  /**
   * A target phrase reduced to what resolution depends on: its key words (fillers and "all" words dropped, singular),
   * whether "all" was said, and whether a word was plural.
   */
  record Spoken(List<String> key, String keyText, boolean all, boolean plural) {
  }

  /** {@code phrase} reduced for resolution. */
  static Spoken spoken(String phrase) {
    List<String> words = Text.words(phrase);
    boolean all = false;
    boolean plural = false;
    List<String> kept = new ArrayList<>(words.size());
    for (String w : words) {
      if (ALL_WORDS.contains(w)) {
        all = true;
      } else {
        plural |= !Text.FILLERS.contains(w) && Text.looksPlural(w);
        kept.add(w);
      }
    }
    List<String> key = Text.keyWords(kept);
    return new Spoken(key, String.join(" ", key), all, plural);
  }

  /** As {@link #resolve(HomeIndex, String, Set, String, boolean)} on a phrase already reduced. */
  Resolution resolve(HomeIndex index, Spoken spoken, Set<String> domains, String room, boolean suggest) {
    List<String> key = spoken.key();
    boolean all = spoken.all();
    boolean plural = spoken.plural();
    if (key.isEmpty()) {
      return Resolution.notFound(List.of());
    }
    String k = spoken.keyText();
    Area roomArea = index.area(room);

    List<HomeEntity> named = filter(index.byName.get(k), domains);
    if (!named.isEmpty()) {
      return pick(named, all || plural && named.size() > 1 && sameName(index, named), roomArea, null,
          domainsOf(named));
    }

    int[] span = areaSpan(index, key);
    if (span != null) {
      Area area = index.areasByKey.get(String.join(" ", key.subList(span[0], span[1])));
      List<String> rest = new ArrayList<>(key.subList(0, span[0]));
      rest.addAll(key.subList(span[1], key.size()));
      if (rest.isEmpty()) {
        return new Resolution(Resolution.Kind.AREA_ONLY, List.of(), area, List.copyOf(domains));
      }
      return inArea(index, area, rest, domains, all, plural, suggest);
    }

    Set<String> kinds = vocabulary.domains(k);
    if (kinds != null) {
      Set<String> allowed = intersect(kinds, domains);
      if (allowed.isEmpty()) {
        return Resolution.notFound(List.of());
      }
      List<HomeEntity> everywhere = index.ofDomains(allowed);
      if (all) {
        return everywhere.isEmpty() ? Resolution.notFound(List.of()) : Resolution.found(everywhere, null);
      }
      if (roomArea != null) {
        List<HomeEntity> here = index.inArea(roomArea.areaId(), allowed);
        if (!here.isEmpty()) {
          return here.size() == 1 || plural ? Resolution.found(here, roomArea)
              : Resolution.ambiguous(here, roomArea, List.copyOf(allowed));
        }
      }
      if (everywhere.size() == 1) {
        return Resolution.found(everywhere, null);
      }
      return everywhere.isEmpty() ? Resolution.notFound(List.of())
          : Resolution.ambiguous(everywhere, null, List.copyOf(allowed));
    }

    List<HomeEntity> partial = filter(containingAll(index, key), domains);
    if (!partial.isEmpty()) {
      return pick(partial, all, roomArea, null, domainsOf(partial));
    }
    return Resolution.notFound(suggest ? suggest(index, key, domains) : List.of());
  }

  /** Only exact names and aliases: for sentences that are nothing but a name. */
  Resolution exact(HomeIndex index, String phrase, Set<String> domains) {
    List<HomeEntity> named = filter(index.byName.get(Text.key(phrase)), domains);
    if (named.isEmpty()) {
      return Resolution.notFound(List.of());
    }
    return named.size() == 1 ? Resolution.found(named, null) : Resolution.ambiguous(named, null, domainsOf(named));
  }

  private Resolution inArea(HomeIndex index, Area area, List<String> rest, Set<String> domains, boolean all,
                            boolean plural, boolean suggest) {
    String restKey = String.join(" ", rest);
    Set<String> kinds = vocabulary.domains(restKey);
    List<HomeEntity> named = new ArrayList<>();
    for (HomeEntity e : index.inArea(area.areaId(), kinds == null ? domains : intersect(kinds, domains))) {
      if (index.nameHasAll(e, rest)) {
        named.add(e);
      }
    }
    if (named.size() == 1 && !all && !plural) {
      return Resolution.found(named, area);
    }
    if (kinds != null) {
      Set<String> allowed = intersect(kinds, domains);
      if (allowed.isEmpty()) {
        return Resolution.notFound(List.of());
      }
      List<HomeEntity> candidates = index.inArea(area.areaId(), allowed);
      if (candidates.isEmpty()) {
        return Resolution.notFound(List.of());
      }
      return candidates.size() == 1 || all || plural ? Resolution.found(candidates, area)
          : Resolution.ambiguous(candidates, area, List.copyOf(allowed));
    }
    // With no kind word, the named entities above are exactly the candidates.
    List<HomeEntity> candidates = named;
    if (candidates.isEmpty()) {
      return Resolution.notFound(suggest ? suggest(index, rest, domains) : List.of());
    }
    return candidates.size() == 1 || all ? Resolution.found(candidates, area)
        : Resolution.ambiguous(candidates, area, domainsOf(candidates));
  }

  private static Resolution pick(List<HomeEntity> candidates, boolean all, Area roomArea, Area area,
                                 List<String> domains) {
    if (candidates.size() == 1 || all) {
      return Resolution.found(candidates, area);
    }
    if (roomArea != null) {
      List<HomeEntity> here = candidates.stream().filter(e -> roomArea.areaId().equals(e.areaId())).toList();
      if (here.size() == 1) {
        return Resolution.found(here, roomArea);
      }
    }
    return Resolution.ambiguous(candidates, area, domains);
  }

  private static boolean sameName(HomeIndex index, List<HomeEntity> entities) {
    return entities.stream().map(e -> Text.key(e.name())).distinct().count() == 1;
  }

  /** The longest run of words that names an area, as [from, to), or null. */
  private static int[] areaSpan(HomeIndex index, List<String> key) {
    int max = Math.min(index.longestAreaKey, key.size());
    for (int len = max; len >= 1; len--) {
      for (int from = 0; from + len <= key.size(); from++) {
        if (index.areaFirstWords.contains(key.get(from))
            && index.areasByKey.containsKey(String.join(" ", key.subList(from, from + len)))) {
          return new int[] {from, from + len};
        }
      }
    }
    return null;
  }

  private static List<HomeEntity> containingAll(HomeIndex index, List<String> words) {
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
    List<HomeEntity> out = new ArrayList<>();
    for (HomeEntity e : smallest) {
      if (index.nameHasAll(e, words)) {
        out.add(e);
      }
    }
    return out;
  }

  /** Up to three entities sharing the most words with what was said. */
  private static List<HomeEntity> suggest(HomeIndex index, List<String> words, Set<String> domains) {
    Map<HomeEntity, Integer> scores = new HashMap<>();
    for (String w : words) {
      for (HomeEntity e : index.byWord.getOrDefault(w, List.of())) {
        if (domains.isEmpty() || domains.contains(e.domain())) {
          scores.merge(e, 1, Integer::sum);
        }
      }
    }
    return scores.entrySet().stream()
        .sorted(Map.Entry.<HomeEntity, Integer>comparingByValue().reversed()
            .thenComparing(en -> en.getKey().entityId(), Comparator.naturalOrder()))
        .limit(3).map(Map.Entry::getKey).toList();
  }

  private static List<HomeEntity> filter(List<HomeEntity> entities, Set<String> domains) {
    if (entities == null) {
      return List.of();
    }
    if (domains.isEmpty()) {
      return entities;
    }
    return entities.stream().filter(e -> domains.contains(e.domain())).toList();
  }

  private static Set<String> intersect(Set<String> kinds, Set<String> domains) {
    if (domains.isEmpty()) {
      return kinds;
    }
    Set<String> out = new LinkedHashSet<>(kinds);
    out.retainAll(domains);
    return out;
  }

  private static List<String> domainsOf(List<HomeEntity> entities) {
    return entities.stream().map(HomeEntity::domain).distinct().toList();
  }
}
