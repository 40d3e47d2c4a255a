package io.harpou.tools.home.impl;

import java.util.List;

/**
 * A place said at the end of a sentence, after what is done: "turn the lights on <em>in the dining room</em>", "make
 * it brighter <em>in the bathroom</em>", "allume la lumière <em>en haut</em>". The matcher tries the sentence without
 * it and adds it to the target, so every sentence form takes a place at its end without saying so.
 */
final class TrailingPlace {

  /** A misheard place is a few words ("in the gargen"), not a clause. */
  private static final int MAX_UNKNOWN_WORDS = 3;

  private TrailingPlace() {
  }

  /**
   * {@code stripped} cut before its shortest ending that names a known place (or, after "in", a few unknown words
   * that may be a misheard one), as {sentence, place}; or null when it ends with no place.
   */
  static String[] split(MatchContext c, String stripped) {
    List<String> words = Text.split(stripped);
    for (int i = words.size() - 1; i >= 1; i--) {
      String w = words.get(i);
      if (!c.vocabulary.placeStart(w)) {
        continue;
      }
      List<String> ending = words.subList(i, words.size());
      List<String> key = Text.keyWords(ending);
      if (isPlace(c, key) || c.vocabulary.unknownPlaceStart(w) && mayBeMisheardPlace(c, key)) {
        return new String[] {String.join(" ", words.subList(0, i)), String.join(" ", ending)};
      }
    }
    return null;
  }

  private static boolean isPlace(MatchContext c, List<String> key) {
    if (key.isEmpty()) {
      return false;
    }
    Place place = Places.find(c.index, c.vocabulary, key, c.index.area(c.room));
    return place != null && place.rest().isEmpty();
  }

  private static boolean mayBeMisheardPlace(MatchContext c, List<String> key) {
    if (key.isEmpty() || key.size() > MAX_UNKNOWN_WORDS) {
      return false;
    }
    boolean unknown = false;
    for (String w : key) {
      if (Character.isDigit(w.charAt(0)) || NumberWords.parse(w) != null || DurationWords.WORDS.contains(w)
          || c.vocabulary.kinds(w) != null) {
        return false;
      }
      unknown |= !c.index.byWord.containsKey(w) && !c.index.placeWords.contains(w);
    }
    return unknown;
  }
}
