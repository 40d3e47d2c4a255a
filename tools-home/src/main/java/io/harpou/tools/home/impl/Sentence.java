package io.harpou.tools.home.impl;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * One compiled sentence template.
 *
 * @param pattern the anchored expression over normalised text with one trailing space
 * @param slots the names of its slots
 * @param firstWords the words a matching text can start with, or null when it can start with any word
 */
record Sentence(Pattern pattern, Set<String> slots, Set<String> firstWords) {

  /** True when the template has a slot called {@code name}. */
  boolean hasSlot(String name) {
    return slots.contains(name);
  }
}
