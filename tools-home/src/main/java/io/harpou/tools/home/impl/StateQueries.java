package io.harpou.tools.home.impl;

import io.harpou.tools.home.HomeEntity;
import io.harpou.tools.home.IntentMatch;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/** Yes/no questions about states, a device's value, which or how many are in a state, and who is home. */
final class StateQueries {

  private StateQueries() {
  }

  /** The domains whose entities can be in {@code state}. */
  static Set<String> domainsFor(String state, Set<String> fallback) {
    return switch (state) {
      case "locked", "unlocked", "jammed" -> Set.of("lock");
      case "open", "closed" -> Set.of("cover", "binary_sensor", "lock", "valve");
      case "playing", "paused" -> Set.of("media_player");
      case "home", "not_home" -> Set.of("person");
      case "cleaning", "docked", "mowing" -> Set.of("vacuum", "lawn_mower");
      case "armed", "disarmed" -> Set.of("alarm_control_panel");
      default -> fallback;
    };
  }

  /** "Is the front door locked?", "are any lights on upstairs?". */
  static IntentMatch stateIs(MatchContext c, IntentEntry e, Slots s) {
    String name = DeviceIntents.target(s);
    String stateWord = s.get("state");
    String expected = stateWord == null ? e.args().getString("expect") : c.vocabulary.state(stateWord);
    if (expected == null || name == null) {
      return null;
    }
    boolean any = e.args().getBoolean("any", false);
    IntentEntry scoped = e.withDomains(domainsFor(expected, e.domains()));
    Resolution r = c.target(scoped, any ? "all " + name : name);
    if (r == null) {
      return null;
    }
    JsonObject hints = new JsonObject().put("query", "is").put("expect", expected).put("any", any);
    return switch (r.status()) {
      case FOUND -> QueryIntents.get(e, r.entities(), hints);
      // "Is the light on in the living room?" is about every light there.
      case AMBIGUOUS -> r.place() != null ? QueryIntents.get(e, r.entities(), hints)
          : c.ask(e, r, chosen -> QueryIntents.get(e, chosen, hints.copy()));
      default -> c.explain(scoped, r, chosen -> QueryIntents.get(e, chosen, hints.copy()));
    };
  }

  /** "What is the litter box status?", "how full is the litter box?": the value of one entity. */
  static IntentMatch whatState(MatchContext c, IntentEntry e, Slots s) {
    String name = DeviceIntents.target(s);
    if (name == null) {
      return null;
    }
    Resolution r = c.target(e, name);
    if (r == null) {
      return null;
    }
    JsonObject hints = new JsonObject().put("query", "state");
    if (r.status() == Resolution.Status.WRONG_KIND) {
      // "How much food is left in the cat feeder" when "cat feeder" is a button: a reading of the feeder, if any.
      List<HomeEntity> readings = Resolver.filter(Resolver.containing(c.index, Text.key(name)), e.domains());
      if (readings.isEmpty()) {
        readings = siblings(c, r.entities(), e);
      }
      if (readings.isEmpty()) {
        return null;
      }
      r = readings.size() == 1 ? Resolution.found(readings, null) : Resolution.ambiguous(readings, null,
          readings.stream().map(HomeEntity::domain).distinct().toList());
    }
    if (r.status() == Resolution.Status.AMBIGUOUS) {
      List<HomeEntity> chosen = narrowed(c, e, s, r.entities());
      if (chosen.size() == 1) {
        return QueryIntents.get(e, chosen, hints);
      }
      return c.ask(e, r, picked -> QueryIntents.get(e, picked, hints.copy()));
    }
    if (r.found()) {
      return QueryIntents.get(e, r.entities(), hints);
    }
    // A value question about something unknown may be anything ("what is the capital of France"): not ours.
    return r.status() == Resolution.Status.UNKNOWN_PLACE ? c.explain(e, r, null) : null;
  }

  /**
   * Readings of the things named, when what was named is not itself a reading ("le distributeur de croquettes", a
   * button): the entities of the question's domains in the same room sharing a word of their names ("Cat feeder food
   * level" for "Cat feeder manual feed").
   */
  private static List<HomeEntity> siblings(MatchContext c, List<HomeEntity> named, IntentEntry e) {
    List<HomeEntity> out = new java.util.ArrayList<>();
    for (HomeEntity thing : named) {
      java.util.Set<String> words = new java.util.HashSet<>();
      c.index.nameTexts(thing).forEach(n -> words.addAll(Text.keyWords(Text.words(n))));
      if (thing.areaId() == null) {
        continue;
      }
      for (HomeEntity reading : c.index.inArea(thing.areaId(), e.domains())) {
        boolean shares = c.index.nameTexts(reading).stream()
            .anyMatch(n -> Text.keyWords(Text.words(n)).stream().anyMatch(words::contains));
        if (shares && !out.contains(reading)) {
          out.add(reading);
        }
      }
    }
    return out;
  }

  /**
   * Of several candidates, the one measured in the unit the sentence asks about ("how full": %), or the one whose
   * name takes in the words said just before or after the name ("l'état de la litière", "the litter box status");
   * otherwise all of them.
   */
  private static List<HomeEntity> narrowed(MatchContext c, IntentEntry e, Slots s, List<HomeEntity> candidates) {
    String unit = e.args().getString("unit");
    if (unit != null) {
      List<HomeEntity> measured = candidates.stream().filter(x -> unit.equals(
          c.home.gateway().state(x.entityId()).map(st -> st.attributes().getString("unit_of_measurement"))
              .orElse(null))).toList();
      if (measured.size() == 1) {
        return measured;
      }
    }
    for (int words = 1; words <= 3; words++) {
      for (String longer : new String[] {s.withPrevious("name", words), s.withNext("name", words)}) {
        List<HomeEntity> named = longer == null ? null : c.index.byName.get(Text.key(longer));
        if (named != null && named.size() == 1 && candidates.contains(named.get(0))) {
          return named;
        }
      }
    }
    return candidates;
  }

  /** "Which lights are on upstairs?" and "how many windows are open?". */
  static IntentMatch which(MatchContext c, IntentEntry e, Slots s, boolean count) {
    String name = DeviceIntents.target(s);
    String stateWord = s.get("state");
    String expected = stateWord == null ? null : c.vocabulary.state(stateWord);
    if (name == null || expected == null) {
      return null;
    }
    IntentEntry scoped = e.withDomains(domainsFor(expected, e.domains()));
    Resolution r = c.target(scoped, "all " + name);
    if (r == null) {
      return null;
    }
    if (!r.found()) {
      if (r.status() == Resolution.Status.NONE_THERE) {
        return IntentMatch.say(e.intent(), c.say(count ? "count_none" : "which_none", c.kindName(r.domains()),
            Answers.state(expected, c.language)), false);
      }
      return r.status() == Resolution.Status.AMBIGUOUS ? null : c.explain(scoped, r, null);
    }
    JsonObject hints = new JsonObject().put("query", count ? "count" : "which").put("expect", expected)
        .put("kind", c.kindName(r.entities().stream().map(HomeEntity::domain).distinct().toList()));
    return QueryIntents.get(e, r.entities(), hints);
  }

  /** "Is anyone home?", "who is home?", "is Anna home?", "where is Ben?". */
  static IntentMatch people(MatchContext c, IntentEntry e, Slots s) {
    List<HomeEntity> persons = c.index.ofDomain("person");
    if (persons.isEmpty()) {
      return null;
    }
    String name = s.get("name");
    String query = e.args().getString("query", "people");
    if (name == null) {
      return QueryIntents.get(e, persons, new JsonObject().put("query", query).put("expect", "home"));
    }
    Resolution r = c.resolve(name, Set.of("person"), false);
    if (!r.found()) {
      return r.status() == Resolution.Status.AMBIGUOUS
          ? c.ask(e, r, chosen -> QueryIntents.get(e, chosen, new JsonObject().put("query", query)))
          : null;
    }
    return QueryIntents.get(e, r.entities(), new JsonObject().put("query", query).put("expect", "home"));
  }
}
