package io.harpou.bridge.vertx.memory.pg;

import io.harpou.bridge.vertx.memory.impl.Statements;
import io.harpou.bridge.vertx.memory.impl.WordBudget;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * PostgreSQL full-text search in place of FTS5's {@code porter unicode61 remove_diacritics} and BM25: text is folded to
 * lower case without accents in Java (so no extension is needed) and stemmed by the {@code harpou_english}
 * configuration (English stems, no stop words); each word is given to {@code plainto_tsquery} as a parameter, so no
 * input is read as query syntax. A search matches what {@link WordBudget} keeps of its words, as FTS5's does, and ranks
 * rows by BM25 with each word once: the summed rarity (inverse document frequency) of the words they share, shorter
 * rows first among equals. ({@code ts_rank} knows nothing of rarity: a shared common word would count as much as a
 * shared code or surname.)
 */
final class Words {

  /** The text search configuration of every column and query. */
  static final String CONFIGURATION = "harpou_english";
  /** Words of one query at most; a longer text's further words add little and would only lengthen the search. */
  static final int MAX_TERMS = 32;

  /**
   * What one search looks for: rows holding any of {@code anyOf} or all of {@code allOf}, scored by the rarity of
   * each of {@code words}.
   */
  record Plan(List<String> anyOf, List<String> allOf, String[] words, Double[] rarity) {

    /** The parameters: the words and their rarity, then {@code anyOf} and {@code allOf}. */
    Tuple arguments() {
      Tuple args = Tuple.tuple().addValue(words).addValue(rarity);
      Stream.concat(anyOf.stream(), allOf.stream()).forEach(args::addString);
      return args;
    }

    /**
     * The SQL of a search of {@code table} (aliased {@code alias}) for this plan: its {@code WITH} clause, then
     * {@code SELECT ... FROM table alias JOIN weighted w ON ... WHERE} the match; the caller adds its filters and
     * {@code GROUP BY alias.id ORDER BY} {@link #score}.
     */
    String select(String table, String alias) {
      List<String> any = new ArrayList<>();
      int next = 3;
      for (int i = 0; i < anyOf.size(); i++) {
        any.add(query(next++));
      }
      List<String> all = new ArrayList<>();
      for (int i = 0; i < allOf.size(); i++) {
        all.add(query(next++));
      }
      if (!all.isEmpty()) {
        any.add(all.stream().collect(Collectors.joining(" && ", "(", ")")));
      }
      return "WITH weighted AS (SELECT plainto_tsquery('" + CONFIGURATION + "', word) AS q, rarity FROM"
          + " unnest($1::text[], $2::float8[]) AS t(word, rarity)) SELECT " + alias + ".id FROM " + table + " "
          + alias + " JOIN weighted w ON " + alias + ".words @@ w.q WHERE " + alias + ".words @@ ("
          + String.join(" || ", any) + ")";
    }
  }

  private Words() {
  }

  /** What is stored: the text folded for indexing ({@code to_tsvector(CONFIGURATION, $n)} is applied in SQL). */
  static String folded(String text) {
    return Statements.normalize(text);
  }

  /**
   * How to search {@code table} for {@code terms}: how many rows hold each word decides, as in the embedded database,
   * which words must match and how much each counts. {@code budgeted} false matches any of the words, however common.
   */
  static Future<Plan> plan(SqlClient c, String table, List<String> terms, boolean budgeted) {
    List<String> words = terms.size() <= MAX_TERMS ? terms : terms.subList(0, MAX_TERMS);
    return c.preparedQuery("SELECT t, (SELECT count(*) FROM " + table + " WHERE words @@ " + query("t") + "),"
        + " (SELECT reltuples FROM pg_class WHERE oid = '" + table + "'::regclass) FROM unnest($1::text[]) AS t")
        .execute(Tuple.of(words.toArray(String[]::new))).map(rows -> {
          Map<String, Integer> frequency = new HashMap<>();
          double size = 0;
          for (Row r : rows) {
            frequency.put(r.getString(0), r.getLong(1).intValue());
            size = Math.max(size, r.getDouble(2));
          }
          WordBudget.Split split = budgeted ? WordBudget.split(words, frequency)
              : new WordBudget.Split(words, List.of());
          List<String> used = Stream.concat(split.anyOf().stream(), split.allOf().stream()).toList();
          Double[] rarity = new Double[used.size()];
          for (int i = 0; i < rarity.length; i++) {
            // BM25's inverse document frequency; before the table is first analysed its size is not known, and the
            // word's own count still orders words by rarity.
            double n = frequency.get(used.get(i));
            rarity[i] = Math.log(1 + (Math.max(size, n) - n + 0.5) / (n + 0.5));
          }
          return new Plan(split.anyOf(), split.allOf(), used.toArray(String[]::new), rarity);
        });
  }

  /**
   * The BM25 score of a row of {@code alias} joined to {@code weighted w}, grouped by row: every word counted once,
   * rows longer than {@code typicalLength} words scoring less (k1 = 1.2, b = 0.75, as FTS5's defaults).
   */
  static String score(String alias, int typicalLength) {
    return "sum(w.rarity) * 2.2 / (1 + 1.2 * (0.25 + 0.75 * length(" + alias + ".words) / " + typicalLength + ".0))";
  }

  private static String query(int parameter) {
    return query("$" + parameter);
  }

  private static String query(String text) {
    return "plainto_tsquery('" + CONFIGURATION + "', " + text + ")";
  }
}
