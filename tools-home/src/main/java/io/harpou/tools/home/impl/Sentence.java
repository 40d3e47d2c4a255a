package io.harpou.tools.home.impl;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One compiled sentence template.
 *
 * @param pattern the anchored expression over normalised text with one trailing space
 * @param slots the names of its slots
 * @param firstWords the words a matching text can start with, or null when it can start with any word
 * @param required words every matching text contains
 */
record Sentence(Pattern pattern, Set<String> slots, Set<String> firstWords, List<String> required) {

  /** True unless a required word is missing from {@code words}, in which case the sentence cannot match. */
  boolean possible(Set<String> words) {
    for (int i = 0; i < required.size(); i++) {
      if (!words.contains(required.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** True when the template has a slot called {@code name}. */
  boolean hasSlot(String name) {
    return slots.contains(name);
  }
}
