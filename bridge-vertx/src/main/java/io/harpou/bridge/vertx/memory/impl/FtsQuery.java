package io.harpou.bridge.vertx.memory.impl;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns free text into a safe FTS5 query: its content words, each quoted (so no input is read as FTS syntax), joined
 * by OR so that BM25 ranks passages by how many of the rarer words they share.
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

  /** The FTS5 MATCH expression for {@code text}, or null when it holds no content word. */
  static String of(String text) {
    Set<String> words = new LinkedHashSet<>();
    Matcher matcher = WORD.matcher(Statements.normalize(text).toLowerCase(Locale.ROOT));
    while (matcher.find()) {
      String word = matcher.group();
      if (!STOP.contains(word)) {
        words.add(word);
      }
    }
    if (words.isEmpty()) {
      return null;
    }
    return words.stream().map(word -> "\"" + word.replace("\"", "\"\"") + "\"").collect(Collectors.joining(" OR "));
  }
}
