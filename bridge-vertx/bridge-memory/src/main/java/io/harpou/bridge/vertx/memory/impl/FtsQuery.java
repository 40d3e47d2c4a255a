package io.harpou.bridge.vertx.memory.impl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns free text into a safe FTS5 query: its content words (English and French stop words dropped), each quoted so
 * that no input is read as FTS syntax, joined by OR so that BM25 ranks rows by how many of the rarer words they share.
 */
final class FtsQuery {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_-]*");
  private static final Set<String> STOP = new HashSet<>(Arrays.asList(
      "a", "an", "the", "is", "are", "was", "were", "be", "been", "of", "to", "in", "on", "at", "for", "and", "or",
      "but", "what", "who", "whom", "where", "when", "how", "which", "do", "does", "did", "you", "i", "me", "my", "we",
      "our", "your", "it", "its", "this", "that", "there", "about", "know", "tell", "with", "from", "by", "as", "can",
      "could", "would", "should", "will", "please", "anything", "something", "s", "has", "have", "any", "all",
      "am", "if", "so", "then", "than", "just", "also", "very", "some", "these", "those", "them", "they", "he", "she",
      "his", "her", "him", "their", "us", "let", "lets", "get", "got", "again", "ll", "re", "ve",
      "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "et", "ou", "que", "qui", "quoi", "quel", "quelle",
      "est", "sont", "ce", "cette", "ces", "mon", "ma", "mes", "ton", "ta", "tes", "notre", "nos", "votre", "vos",
      "sais", "tu", "je", "il", "elle", "on", "en", "au", "aux", "dans", "sur", "pour", "par", "avec", "ne", "c",
      "qu", "j", "m", "t", "se", "sa", "son", "ses", "nous", "vous", "ils", "elles", "lui", "leur", "leurs", "y",
      "ai", "as", "ete", "etre", "comment", "quand", "pourquoi", "combien", "moi", "toi", "cela", "ca", "ceci",
      "est-ce", "sais-tu", "peux-tu", "rappelle-toi"));

  private FtsQuery() {
  }

  /** The content words of {@code text}, lower case, without accents, each once, in order. */
  static List<String> terms(String text) {
    Set<String> words = new LinkedHashSet<>();
    Matcher matcher = WORD.matcher(Statements.normalize(text).toLowerCase(Locale.ROOT));
    while (matcher.find()) {
      String word = matcher.group();
      if (!STOP.contains(word)) {
        words.add(word);
      }
    }
    return List.copyOf(words);
  }

  /** The FTS5 MATCH expression for any of {@code words}; null when there are none. */
  static String anyOf(List<String> words) {
    return words.isEmpty() ? null : join(words, " OR ");
  }

  /**
   * An FTS5 MATCH expression for {@code terms} over {@code table} whose matches stay few, as {@link WordBudget} splits
   * them. Null when there are no terms.
   */
  static String bounded(Connection c, String table, List<String> terms) throws SQLException {
    if (terms.isEmpty()) {
      return null;
    }
    Map<String, Integer> frequency = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE " + table
        + " MATCH ?")) {
      for (String term : terms) {
        s.setString(1, quote(term));
        try (ResultSet rows = s.executeQuery()) {
          frequency.put(term, rows.next() ? rows.getInt(1) : 0);
        }
      }
    }
    WordBudget.Split split = WordBudget.split(terms, frequency);
    if (split.allOf().isEmpty()) {
      return join(split.anyOf(), " OR ");
    }
    if (split.anyOf().isEmpty()) {
      return join(split.allOf(), " AND ");
    }
    return join(split.anyOf(), " OR ") + " OR (" + join(split.allOf(), " AND ") + ")";
  }

  private static String join(List<String> words, String operator) {
    return words.stream().map(FtsQuery::quote).collect(Collectors.joining(operator));
  }

  private static String quote(String word) {
    return "\"" + word.replace("\"", "\"\"") + "\"";
  }
}
