package io.harpou.bridge.vertx.memory.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Keeps a word search's matches few, whatever the database: its ranking scores every row the search matches, and a
 * common word ("dog" in 400 of 10,000 memories) made that the most expensive part of a recall. Rare words, up to
 * {@link #BUDGET} matching rows together, are each enough to match, as exact identifiers (codes, surnames) should be;
 * the common words must then all be present together.
 */
public final class WordBudget {

  /** How many matching rows the rare words of a query may bring together (about half a millisecond of BM25). */
  public static final int BUDGET = 200;

  /** A row matches when it holds any of {@code anyOf}, or all of {@code allOf} (empty: no such alternative). */
  public record Split(List<String> anyOf, List<String> allOf) {
  }

  private WordBudget() {
  }

  /** Splits {@code terms} given how many rows hold each. */
  public static Split split(List<String> terms, Map<String, Integer> frequency) {
    List<String> byRarity = new ArrayList<>(terms);
    byRarity.sort(Comparator.comparingInt(frequency::get));
    List<String> rare = new ArrayList<>();
    int rows = 0;
    for (String term : byRarity) {
      if (rows + frequency.get(term) > BUDGET) {
        break;
      }
      rows += frequency.get(term);
      rare.add(term);
    }
    List<String> common = List.copyOf(byRarity.subList(rare.size(), byRarity.size()));
    if (common.isEmpty()) {
      return new Split(terms, List.of());
    }
    // A single common word adds its many rows and nothing the rarer words and the vectors do not already say.
    return rare.isEmpty() ? new Split(List.of(), common) : new Split(rare, common.size() == 1 ? List.of() : common);
  }
}
