package io.harpou.tools.home.impl;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Normalises spoken text so that names, aliases and sentences compare as a listener would compare them. Every
 * utterance goes through {@link #normalize} once per match, so it is one table-driven pass over the characters
 * rather than a chain of regular expressions.
 */
public final class Text {

  /** Characters up to this code point are folded by table; beyond it only combining marks are special. */
  private static final int TABLE_SIZE = 0x2000;
  /** Per character: its folded form (lower case, no accents), "" to drop it, or null for a word separator. */
  private static final String[] FOLD = new String[TABLE_SIZE];

  static {
    for (int c = 0; c < TABLE_SIZE; c++) {
      FOLD[c] = computeFold((char) c);
    }
  }

  /** Words that carry no meaning inside a name: articles, possessives and linking prepositions (EN and FR). */
  static final Set<String> FILLERS = Set.of("the", "a", "an", "my", "our", "of", "in", "inside", "at", "on", "for",
      "it", "le", "la", "les", "l", "de", "du", "des", "d", "un", "une", "mon", "ma", "mes", "notre", "nos", "au",
      "aux", "dans", "en", "sur", "pour", "please", "stp", "svp", "moi");

  private Text() {
  }

  private static String computeFold(char c) {
    if (Character.isSurrogate(c)) {
      return null;
    }
    int type = Character.getType(c);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK) {
      return "";
    }
    String lower = String.valueOf(c).toLowerCase(Locale.ROOT);
    String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(2);
    for (int i = 0; i < decomposed.length(); i++) {
      char d = decomposed.charAt(i);
      if (d >= 'a' && d <= 'z' || d >= '0' && d <= '9' || d == '%' || d == '°' || d == '.' || d == '+' || d == '#'
          || d == ',') {
        out.append(d);
      }
    }
    if (out.length() == 0) {
      // Ligatures do not decompose, but a listener hears them as two letters.
      return c == 'œ' || c == 'Œ' ? "oe" : c == 'æ' || c == 'Æ' ? "ae" : c == 'ß' ? "ss" : null;
    }
    return out.toString();
  }

  private static String fold(char c) {
    if (c < TABLE_SIZE) {
      return FOLD[c];
    }
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK ? "" : null;
  }

  /**
   * Lower-cases, strips accents, splits elisions (l', d'), turns punctuation into spaces and collapses blanks, keeping
   * digits, decimal points (a decimal comma becomes a point), {@code %} and {@code °} (as words of their own).
   */
  public static String normalize(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    int n = text.length();
    StringBuilder folded = null;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' ') {
        if (folded != null) {
          folded.append(c);
        }
        continue;
      }
      if (folded == null) {
        folded = new StringBuilder(n + 8);
        folded.append(text, 0, i);
      }
      String f = fold(c);
      if (f == null) {
        folded.append(' ');
      } else {
        folded.append(f);
      }
    }
    if (folded == null && canonical(text)) {
      return text;
    }
    return tokens(folded == null ? text : folded);
  }

  /** True when plain words are already separated by single spaces (the common case for slot text). */
  private static boolean canonical(String text) {
    int n = text.length();
    if (text.charAt(0) == ' ' || text.charAt(n - 1) == ' ') {
      return false;
    }
    for (int i = 1; i < n; i++) {
      if (text.charAt(i) == ' ' && text.charAt(i - 1) == ' ') {
        return false;
      }
    }
    return true;
  }

  /** Second pass: decimal points and commas, {@code %} and {@code °} as words, one space between words. */
  private static String tokens(CharSequence s) {
    int n = s.length();
    StringBuilder out = new StringBuilder(n);
    boolean space = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '#') {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        space = false;
        out.append(c);
      } else if ((c == '.' || c == ',') && i > 0 && i + 1 < n && isDigit(s.charAt(i - 1))
          && isDigit(s.charAt(i + 1)) && !space) {
        out.append('.');
      } else if (c == '%' || c == '°') {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.append(c);
        space = true;
      } else {
        space = true;
      }
    }
    return out.toString();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The normalised words of {@code text}. */
  public static List<String> words(String text) {
    return split(normalize(text));
  }

  /** The words of text already normalised. */
  static List<String> split(String normalized) {
    if (normalized.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(8);
    int start = 0;
    for (int i = 0; i <= normalized.length(); i++) {
      if (i == normalized.length() || normalized.charAt(i) == ' ') {
        if (i > start) {
          out.add(normalized.substring(start, i));
        }
        start = i + 1;
      }
    }
    return out;
  }

  /** Plurals ending in "is", which the rule otherwise keeps whole ("tapis", "this"): "chambre d'amis". */
  private static final Set<String> PLURALS_IN_IS = Set.of("amis", "abris");

  /** A word reduced to its singular, so "lights", "lumières" and "bureaux" meet "light", "lumiere" and "bureau". */
  public static String singular(String word) {
    if (word.length() > 4 && word.endsWith("aux") && !word.endsWith("eaux")) {
      return word.substring(0, word.length() - 3) + "al";
    }
    if (word.length() > 3 && (word.endsWith("eaux") || word.endsWith("eux"))) {
      return word.substring(0, word.length() - 1);
    }
    if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")
        && (!word.endsWith("is") || PLURALS_IN_IS.contains(word))) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  /** True when {@code word} looks plural ("lights", "lumières", "volets"). */
  public static boolean looksPlural(String word) {
    return !singular(word).equals(word);
  }

  /** The key a name is indexed and looked up by: normalised, fillers dropped, words singular. */
  public static String key(String text) {
    return String.join(" ", keyWords(words(text)));
  }

  /** {@link #key} on words already normalised. */
  public static List<String> keyWords(List<String> words) {
    List<String> out = new ArrayList<>(words.size());
    for (String w : words) {
      if (!FILLERS.contains(w)) {
        out.add(singular(w));
      }
    }
    return out;
  }
}
