package io.harpou.tools.home.impl;

import io.harpou.tools.home.HomeEntity;
import io.harpou.tools.home.IntentMatch;
import java.util.List;
import java.util.function.Function;

/**
 * A match with what a question needs to be answered later: the candidates it named, and how to finish once the user
 * has chosen among them (the call, or a narrower question, or null when the choice does not fit).
 *
 * @param match the match
 * @param candidates the entities the question offers, empty for other questions ("In which room?")
 * @param then finishes the intent on the chosen entities, or null
 */
record Outcome(IntentMatch match, List<HomeEntity> candidates, Function<List<HomeEntity>, IntentMatch> then) {

  static Outcome of(IntentMatch match) {
    return new Outcome(match, List.of(), null);
  }
}
