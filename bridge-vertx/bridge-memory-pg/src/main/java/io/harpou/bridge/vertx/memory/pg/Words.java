package io.harpou.bridge.vertx.memory.pg;

import io.harpou.bridge.vertx.memory.impl.Statements;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * PostgreSQL full-text search in place of FTS5's {@code porter unicode61 remove_diacritics}: text is folded to lower
 * case without accents in Java (so no extension is needed) and stemmed by the {@code english} configuration; a query is
 * any of its content words, each given as a parameter to {@code plainto_tsquery}, so no input is read as query
 * syntax.
 */
final class Words {

  /** Words of one query at most; a longer text's further words add little and would only lengthen the statement. */
  static final int MAX_TERMS = 32;

  private Words() {
  }

  /** What is stored: the text folded for indexing ({@code to_tsvector('english', $n)} is applied in SQL). */
  static String folded(String text) {
    return Statements.normalize(text);
  }

  /**
   * A {@code FROM} item whose one column {@code q} is the tsquery matching any of {@code count} words bound from
   * parameter {@code first} on.
   */
  static String anyOf(int first, int count) {
    return IntStream.range(first, first + count).mapToObj(i -> "plainto_tsquery('english', $" + i + ")")
        .collect(Collectors.joining(" || ", "(SELECT ", " AS q) query"));
  }

  /** The words actually used of {@code terms}. */
  static List<String> bounded(List<String> terms) {
    return terms.size() <= MAX_TERMS ? terms : terms.subList(0, MAX_TERMS);
  }
}
