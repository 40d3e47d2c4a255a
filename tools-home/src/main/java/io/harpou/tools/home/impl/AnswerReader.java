package io.harpou.tools.home.impl;

import io.harpou.bridge.api.home.Area;
import io.harpou.tools.home.HomeEntity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a short answer to "Which light: the kitchen light or the office light?": "the kitchen one", "celle de la
 * cuisine", "the lamp", "the second one", "both", "never mind". Every word of the answer must fit a candidate (its
 * names, its area, its kind of device), so a new request is not mistaken for an answer.
 */
final class AnswerReader {

  /** Words that carry nothing in an answer once fillers are gone. */
  private static final Set<String> NOISE = Set.of("one", "celle", "celui", "ceux", "that", "this", "ci", "plutot",
      "yes", "oui", "it", "is", "c", "est", "i", "mean", "je", "veux", "want", "parle", "dire", "voulais", "well",
      "euh", "um", "uh", "bah", "ben", "alors", "room", "piece", "which", "there", "la", "here", "ici");
  private static final Set<String> ALL = Set.of("both", "all", "them", "deux", "tous", "toute", "tout", "ensemble",
      "eux", "each", "every", "chacun", "chacune");
  private static final Set<String> CANCEL = Set.of("never mind", "nevermind", "cancel", "forget it", "nothing",
      "none", "no", "none of them", "non", "annule", "annuler", "laisse tomber", "rien", "aucun", "aucune", "oublie",
      "oublie ca", "ni l un ni l autre", "neither", "no thanks", "non merci");
  private static final Map<String, Integer> ORDINALS = Map.ofEntries(Map.entry("first", 0), Map.entry("premier", 0),
      Map.entry("premiere", 0), Map.entry("1", 0), Map.entry("second", 1), Map.entry("seconde", 1),
      Map.entry("deuxieme", 1), Map.entry("2", 1), Map.entry("third", 2), Map.entry("troisieme", 2),
      Map.entry("3", 2), Map.entry("fourth", 3), Map.entry("quatrieme", 3), Map.entry("fifth", 4),
      Map.entry("cinquieme", 4), Map.entry("last", -1), Map.entry("dernier", -1), Map.entry("derniere", -1));

  private static final Set<String> YES = Set.of("yes", "yeah", "yep", "sure", "ok", "okay", "yes please",
      "exactly", "that s right", "right", "correct", "oui", "ouais", "d accord", "oui merci", "c est ca", "voila",
      "exactement", "tout a fait", "oui s il te plait", "oui s il vous plait");

  /** True when {@code text} is a plain yes. */
  static boolean yes(String text) {
    return YES.contains(Text.normalize(text));
  }

  /** True when {@code text} calls the question off ("no", "never mind", "annule"). */
  static boolean cancel(String text) {
    return CANCEL.contains(Text.normalize(text));
  }

  /** What an answer came to. */
  record Choice(boolean cancel, List<HomeEntity> chosen, boolean all) {
  }

  private AnswerReader() {
  }

  /**
   * The candidates {@code text} picks, a cancellation, or null when the text is not an answer to the question.
   */
  static Choice read(String text, List<HomeEntity> candidates, HomeIndex index, Vocabulary vocabulary) {
    String normalized = Text.normalize(text);
    if (normalized.isEmpty() || candidates.isEmpty()) {
      return null;
    }
    if (CANCEL.contains(normalized)) {
      return new Choice(true, List.of(), false);
    }
    List<String> words = new ArrayList<>();
    for (String w : Text.keyWords(Text.split(normalized))) {
      if (!NOISE.contains(w)) {
        words.add(w);
      }
    }
    if (words.isEmpty()) {
      return null;
    }
    if (ALL.containsAll(words)) {
      return new Choice(false, candidates, true);
    }
    if (words.size() == 1 && ORDINALS.containsKey(words.get(0))) {
      int at = ORDINALS.get(words.get(0));
      int offered = Math.min(candidates.size(), 5);
      int i = at < 0 ? offered - 1 : at;
      return i < offered ? new Choice(false, List.of(candidates.get(i)), false) : null;
    }
    // Words of a candidate's own names and area first: "the lamp" picks the lamp, not every light.
    for (boolean kindWords : new boolean[] {false, true}) {
      List<HomeEntity> fitting = new ArrayList<>();
      for (HomeEntity e : candidates) {
        if (fits(e, words, index, kindWords ? vocabulary : null)) {
          fitting.add(e);
        }
      }
      if (!fitting.isEmpty()) {
        return new Choice(false, fitting, false);
      }
    }
    return null;
  }

  private static boolean fits(HomeEntity e, List<String> words, HomeIndex index, Vocabulary vocabulary) {
    Set<String> own = new HashSet<>();
    for (String[] name : index.nameWords.getOrDefault(e.entityId(), new String[0][])) {
      own.addAll(List.of(name));
    }
    Area area = e.areaId() == null ? null : index.areasById.get(e.areaId());
    if (area != null) {
      own.addAll(Text.split(Text.key(area.name())));
      area.aliases().forEach(alias -> own.addAll(Text.split(Text.key(alias))));
      own.addAll(Text.split(Text.key(area.areaId())));
    }
    for (String w : words) {
      Set<String> kinds = vocabulary == null ? null : vocabulary.domains(w);
      if (!own.contains(w) && (kinds == null || !kinds.contains(e.domain()))) {
        return false;
      }
    }
    return true;
  }
}
