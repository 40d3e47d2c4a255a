package io.harpou.tools.home.impl;

import io.harpou.tools.home.HomeEntity;
import io.harpou.tools.home.IntentMatch;
import java.util.List;
import java.util.function.Function;

/**
 * A match with what a question needs to be answered later: the candidates it named and how to finish once the user
 * has chosen among them, or the misheard place it asks about.
 *
 * @param match the match
 * @param candidates the entities the question offers, empty for other questions ("In which room?")
 * @param then finishes the intent on the chosen entities, or null
 * @param place the misheard place a "did you mean" question is about, or null
 */
record Outcome(IntentMatch match, List<HomeEntity> candidates, Function<List<HomeEntity>, IntentMatch> then,
               PlaceRetry place) {

  Outcome(IntentMatch match, List<HomeEntity> candidates, Function<List<HomeEntity>, IntentMatch> then) {
    this(match, candidates, then, null);
  }

  static Outcome of(IntentMatch match) {
    return new Outcome(match, List.of(), null, null);
  }

  /**
   * A place nobody knows, heard as {@code words} (key words), and the known place offered instead (its name as it can
   * be said again), or null.
   */
  record PlaceRetry(List<String> words, String suggestion) {
  }
}
