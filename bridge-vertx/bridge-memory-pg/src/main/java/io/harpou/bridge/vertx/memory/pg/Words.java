package io.harpou.bridge.vertx.memory.pg;

import io.harpou.bridge.vertx.memory.impl.Statements;
import java.util.List;

/**
 * PostgreSQL full-text search in place of FTS5's {@code porter unicode61 remove_diacritics} and BM25: text is folded to
 * lower case without accents in Java (so no extension is needed) and stemmed by the {@code harpou_english}
 * configuration (English stems, no stop words); a
 * query matches rows sharing any of its content words, each given to {@code plainto_tsquery} as one element of an
 * array parameter, so no input is read as query syntax. Rows rank by BM25 with each word once: the summed rarity
 * (inverse document frequency) of the words they share, shorter rows first among equals; {@code ts_rank} knows nothing
 * of rarity, and a shared common word would count as much as a shared code or surname.
 */
final class Words {

  /** Words of one query at most; a longer text's further words add little and would only lengthen the search. */
  static final int MAX_TERMS = 32;

  private Words() {
  }

  /** The text search configuration of every column and query. */
  static final String CONFIGURATION = "harpou_english";

  /** What is stored: the text folded for indexing ({@code to_tsvector(CONFIGURATION, $n)} is applied in SQL). */
  static String folded(String text) {
    return Statements.normalize(text);
  }

  /** The words searched for of {@code terms}, as the array parameter {@code $1} of {@link #weighted}. */
  static String[] bounded(List<String> terms) {
    return (terms.size() <= MAX_TERMS ? terms : terms.subList(0, MAX_TERMS)).toArray(String[]::new);
  }

  /**
   * A {@code WITH} clause naming {@code weighted(q, idf)}: the tsquery of each word of the array {@code $1} over the
   * {@code words} column of {@code table}, with its rarity there (the table's size is the planner's estimate, or the
   * word's own count before the table was ever analysed, which still orders words by rarity).
   */
  static String weighted(String table) {
    return "WITH terms AS (SELECT plainto_tsquery('" + CONFIGURATION + "', t) AS q FROM unnest($1::text[]) AS t),"
        + " weighted AS (SELECT q, ln(1 + (greatest(c.reltuples, f.n) - f.n + 0.5) / (f.n + 0.5)) AS idf"
        + " FROM terms, pg_class c, LATERAL (SELECT count(*) AS n FROM " + table + " WHERE words @@ q) f"
        + " WHERE numnode(q) > 0 AND c.oid = '" + table + "'::regclass) ";
  }

  /**
   * The BM25 score of a row of {@code alias} joined to {@code weighted w}, grouped by row: every word counted once,
   * rows longer than {@code typicalLength} words scoring less (k1 = 1.2, b = 0.75, as FTS5's defaults).
   */
  static String score(String alias, int typicalLength) {
    return "sum(w.idf) * 2.2 / (1 + 1.2 * (0.25 + 0.75 * length(" + alias + ".words) / " + typicalLength + ".0))";
  }
}
