package io.harpou.tools.home.impl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads numbers said in digits or in English or French words: "50", "fifty", "vingt et un", "21,5", "and a half". */
public final class NumberWords {

  private static final Map<String, Integer> UNITS = new HashMap<>();
  private static final Map<String, Integer> TENS = new HashMap<>();
  private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[+-]?\\d+(\\.\\d+)?");
  private static final Set<String> JOINERS = Set.of("and", "et");
  private static final Set<String> POINT = Set.of("point", "virgule", "dot");
  private static final Set<String> HALF = Set.of("half", "demi", "demie");
  private static final Set<String> HUNDREDS = Set.of("hundred", "cent", "cents");
  private static final Set<String> THOUSANDS = Set.of("thousand", "mille");

  static {
    String[] en = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    String[] fr = {"zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
        "douze", "treize", "quatorze", "quinze", "seize"};
    for (int i = 0; i < en.length; i++) {
      UNITS.put(en[i], i);
    }
    for (int i = 0; i < fr.length; i++) {
      UNITS.put(fr[i], i);
    }
    UNITS.put("une", 1);
    String[] enTens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    String[] frTens = {"vingt", "trente", "quarante", "cinquante", "soixante"};
    for (int i = 0; i < enTens.length; i++) {
      TENS.put(enTens[i], 20 + 10 * i);
    }
    for (int i = 0; i < frTens.length; i++) {
      TENS.put(frTens[i], 20 + 10 * i);
    }
    TENS.put("vingts", 20);
    TENS.put("fourty", 40);
  }

  private NumberWords() {
  }

  /** The number in {@code text} (already normalised or not), or null when it is not entirely a number. */
  public static Double parse(String text) {
    String n = Text.normalize(text);
    if (n.isEmpty()) {
      return null;
    }
    if (DECIMAL.matcher(n).matches()) {
      return Double.valueOf(n);
    }
    List<String> words = List.of(n.split(" "));
    int pointAt = -1;
    for (int i = 0; i < words.size(); i++) {
      if (POINT.contains(words.get(i))) {
        pointAt = i;
        break;
      }
    }
    if (pointAt >= 0) {
      Double whole = integer(words.subList(0, pointAt));
      Double fraction = integer(words.subList(pointAt + 1, words.size()));
      if (whole == null || fraction == null) {
        return null;
      }
      String digits = String.valueOf(fraction.longValue());
      return whole + fraction / Math.pow(10, digits.length());
    }
    int last = words.size() - 1;
    if (last >= 1 && HALF.contains(words.get(last))) {
      int end = last;
      if (end >= 1 && words.get(end - 1).equals("a")) {
        end--;
      }
      if (end >= 1 && JOINERS.contains(words.get(end - 1))) {
        end--;
      }
      Double whole = integer(words.subList(0, end));
      return whole == null ? null : whole + 0.5;
    }
    return integer(words);
  }

  /**
   * A whole number said in words or digits, up to the thousands, or null when the words do not form one. Each added
   * part must be smaller than the one before it ("vingt et un", "quatre-vingt-dix-neuf", "a hundred and five"), so
   * "twenty twenty" or "one two" are not numbers.
   */
  private static Double integer(List<String> words) {
    if (words.isEmpty()) {
      return null;
    }
    if (words.size() == 1 && isDigits(words.get(0))) {
      return Double.valueOf(words.get(0));
    }
    long total = 0;
    long current = 0;
    long lastPart = Long.MAX_VALUE;
    boolean any = false;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      String next = i + 1 < words.size() ? words.get(i + 1) : "";
      if (JOINERS.contains(w) && any) {
        continue;
      }
      if (HUNDREDS.contains(w)) {
        if (current >= 100) {
          return null;
        }
        current = (current == 0 ? 1 : current) * 100;
        lastPart = 100;
      } else if (THOUSANDS.contains(w)) {
        if (total > 0) {
          return null;
        }
        total = (current == 0 ? 1 : current) * 1000;
        current = 0;
        lastPart = 1000;
      } else {
        long part;
        if (w.equals("quatre") && next.startsWith("vingt")) {
          part = 80;
          i++;
        } else if (TENS.containsKey(w)) {
          part = TENS.get(w);
        } else if (w.equals("a") || w.equals("an")) {
          // "a hundred", "a thousand": only before a multiplier.
          if (any || !(HUNDREDS.contains(next) || THOUSANDS.contains(next))) {
            return null;
          }
          part = 1;
        } else if (UNITS.containsKey(w)) {
          part = UNITS.get(w);
        } else if (isDigits(w) && w.length() <= 9) {
          part = Long.parseLong(w);
        } else {
          return null;
        }
        boolean multiplierNext = HUNDREDS.contains(next) || THOUSANDS.contains(next);
        if (part >= lastPart && !(multiplierNext && current == 0)) {
          return null;
        }
        current += part;
        lastPart = part;
      }
      any = true;
    }
    return any ? (double) (total + current) : null;
  }

  private static boolean isDigits(String w) {
    if (w.isEmpty()) {
      return false;
    }
    for (int i = 0; i < w.length(); i++) {
      if (w.charAt(i) < '0' || w.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
