package io.harpou.tools.home.impl;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Normalises spoken text so that names, aliases and sentences compare as a listener would compare them. */
public final class Text {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern DECIMAL_COMMA = Pattern.compile("(\\d),(\\d)");
  private static final Pattern ELISION = Pattern.compile("\\b([ldjnmtsc]|qu)['’]");
  private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9%°.+#\\s]+");
  private static final Pattern LONE_DOT = Pattern.compile("(?<!\\d)\\.|\\.(?!\\d)");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** Words that carry no meaning inside a name: articles, possessives and linking prepositions (EN and FR). */
  static final Set<String> FILLERS = Set.of("the", "a", "an", "my", "our", "of", "in", "inside", "at", "on", "for",
      "le", "la", "les", "l", "de", "du", "des", "d", "un", "une", "mon", "ma", "mes", "notre", "nos", "au", "aux",
      "dans", "en", "sur", "pour", "please", "stp", "svp");

  private Text() {
  }

  /**
   * Lower-cases, strips accents, splits elisions (l', d'), turns punctuation into spaces and collapses blanks, keeping
   * digits, decimal points, {@code %} and {@code °}.
   */
  public static String normalize(String text) {
    if (text == null) {
      return "";
    }
    String s = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
    s = MARKS.matcher(s).replaceAll("");
    s = s.replace('’', '\'').replace('-', ' ').replace('_', ' ');
    s = DECIMAL_COMMA.matcher(s).replaceAll("$1.$2");
    s = ELISION.matcher(s).replaceAll("$1 ");
    s = s.replace("%", " % ").replace("°", " ° ");
    s = NON_WORD.matcher(s).replaceAll(" ");
    s = LONE_DOT.matcher(s).replaceAll(" ");
    return SPACES.matcher(s).replaceAll(" ").trim();
  }

  /** The normalised words of {@code text}. */
  public static List<String> words(String text) {
    String n = normalize(text);
    return n.isEmpty() ? List.of() : List.of(n.split(" "));
  }

  /** A word reduced to its singular, so "lights", "lumières" and "bureaux" meet "light", "lumiere" and "bureau". */
  public static String singular(String word) {
    if (word.length() > 4 && word.endsWith("aux") && !word.endsWith("eaux")) {
      return word.substring(0, word.length() - 3) + "al";
    }
    if (word.length() > 3 && (word.endsWith("eaux") || word.endsWith("eux"))) {
      return word.substring(0, word.length() - 1);
    }
    if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")
        && !word.endsWith("is")) {
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
