package io.harpou.tools.home.impl;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One compiled sentence template.
 *
 * @param pattern the anchored expression over normalised text with one trailing space
 * @param slots the names of its slots
 * @param openSlots the names of its slots that take any words (a name, an item), not a closed vocabulary
 * @param firstWords the words a matching text can start with, or null when it can start with any word
 * @param required groups of words: every matching text contains at least one word of each group
 */
record Sentence(Pattern pattern, Set<String> slots, Set<String> openSlots, Set<String> firstWords,
                List<Set<String>> required) {

  /** False when no word of some required group is in {@code words}, in which case the sentence cannot match. */
  boolean possible(Set<String> words) {
    for (int i = 0; i < required.size(); i++) {
      if (!any(required.get(i), words)) {
        return false;
      }
    }
    return true;
  }

  private static boolean any(Set<String> group, Set<String> words) {
    if (group.size() == 1) {
      return words.contains(group.iterator().next());
    }
    for (String w : words) {
      if (group.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * How much of a match the template's own words took: the matched length less what its open slots took. Of two
   * sentences that both act, the one whose words cover more of what was said is the better reading ("coupe le son"
   * is muting, not turning off something called "le son").
   */
  int literalLength(Matcher m) {
    int length = m.end() - m.start();
    for (String slot : openSlots) {
      if (m.start(slot) >= 0) {
        length -= m.end(slot) - m.start(slot);
      }
    }
    return length;
  }

  /** True when the template has a slot called {@code name}. */
  boolean hasSlot(String name) {
    return slots.contains(name);
  }
}
