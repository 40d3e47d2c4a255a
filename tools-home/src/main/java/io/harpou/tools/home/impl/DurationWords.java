package io.harpou.tools.home.impl;

import io.harpou.bridge.api.timer.TimerLength;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a length of time said in English or French, keeping its parts as they were said: "five minutes", "an hour
 * and a half", "1 hour 30", "half an hour", "90 seconds", "2h30", "une heure et demie", "un quart d'heure",
 * "dix minutes et trente secondes".
 */
final class DurationWords {

  private static final Map<String, Integer> UNITS = Map.ofEntries(Map.entry("hour", 3600), Map.entry("hours", 3600),
      Map.entry("hr", 3600), Map.entry("hrs", 3600), Map.entry("h", 3600), Map.entry("heure", 3600),
      Map.entry("heures", 3600), Map.entry("minute", 60), Map.entry("minutes", 60), Map.entry("min", 60),
      Map.entry("mins", 60), Map.entry("mn", 60), Map.entry("second", 1), Map.entry("seconds", 1),
      Map.entry("sec", 1), Map.entry("secs", 1), Map.entry("s", 1), Map.entry("seconde", 1),
      Map.entry("secondes", 1));
  private static final Set<String> HALF = Set.of("half", "demi", "demie");
  private static final Set<String> QUARTER = Set.of("quarter", "quart");
  private static final Set<String> GLUE = Set.of("and", "et", "a", "an", "of", "d", "de", "un", "une");
  private static final Pattern COMPACT = Pattern.compile("(\\d+)h(\\d+)?");
  /** Every word a length may be made of, for the {@code {duration}} slot. */
  static final Set<String> WORDS;

  static {
    Set<String> words = new java.util.HashSet<>(UNITS.keySet());
    words.addAll(HALF);
    words.addAll(QUARTER);
    words.addAll(GLUE);
    WORDS = Set.copyOf(words);
  }

  private DurationWords() {
  }

  /** The length in {@code text}, or null when it is not entirely a length. */
  static TimerLength parse(String text) {
    List<String> words = Text.split(Text.normalize(text));
    if (words.size() == 1) {
      Matcher compact = COMPACT.matcher(words.get(0));
      if (compact.matches()) {
        return of(Integer.parseInt(compact.group(1)) * 3600L
            + (compact.group(2) == null ? 0 : Integer.parseInt(compact.group(2)) * 60L), 3600, true);
      }
    }
    int[] parts = new int[3];
    boolean[] said = new boolean[3];
    List<String> number = new ArrayList<>();
    int lastUnit = -1;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (UNITS.containsKey(w)) {
        int unit = UNITS.get(w);
        double amount;
        if (number.isEmpty()) {
          if (w.endsWith("s") && !said[0] && !said[1] && !said[2]) {
            return null; // "minutes" alone is no length
          }
          amount = 1;
        } else {
          Double n = amount(number);
          if (n == null) {
            return null;
          }
          amount = n;
        }
        number.clear();
        if (!add(parts, said, unit, amount)) {
          return null;
        }
        lastUnit = unit;
      } else if (HALF.contains(w) || QUARTER.contains(w)) {
        double fraction = HALF.contains(w) ? 0.5 : 0.25;
        if (!number.isEmpty() && amount(number) != null && number.stream().anyMatch(n -> !GLUE.contains(n))) {
          // "one and a half hours", "two and a half minutes": the fraction belongs to the number before it.
          Double n = amount(number);
          number.clear();
          number.add(String.valueOf(n + fraction));
        } else {
          // "an hour and a half" / "half an hour" / "une heure et demie" / "un quart d'heure".
          number.clear();
          int unit = lastUnit > 0 && nextUnit(words, i) < 0 ? lastUnit : nextUnit(words, i);
          if (unit < 0) {
            return null;
          }
          if (lastUnit > 0 && unit == lastUnit) {
            if (!add(parts, said, unit, fraction)) {
              return null;
            }
          } else {
            number.add(String.valueOf(fraction));
          }
        }
      } else {
        number.add(w);
      }
    }
    if (!number.isEmpty()) {
      // "1 hour 30": a bare number after a unit counts in the next smaller unit.
      Double n = amount(number);
      if (n == null || lastUnit <= 1) {
        return null;
      }
      if (!add(parts, said, lastUnit / 60, n)) {
        return null;
      }
    }
    if (!said[0] && !said[1] && !said[2]) {
      return null;
    }
    return new TimerLength(said[0] ? parts[0] : null, said[1] ? parts[1] : null, said[2] ? parts[2] : null);
  }

  private static TimerLength of(long seconds, int unit, boolean compact) {
    int h = (int) (seconds / 3600);
    int m = (int) (seconds % 3600 / 60);
    return new TimerLength(h, m == 0 && compact ? null : m, null);
  }

  private static int nextUnit(List<String> words, int from) {
    for (int j = from + 1; j < words.size(); j++) {
      if (UNITS.containsKey(words.get(j))) {
        return UNITS.get(words.get(j));
      }
    }
    return -1;
  }

  /** Adds {@code amount} units of {@code unit} seconds, spilling fractions into the smaller units. */
  private static boolean add(int[] parts, boolean[] said, int unit, double amount) {
    if (amount < 0 || amount > 100_000) {
      return false;
    }
    long total = Math.round(amount * unit);
    int index = unit == 3600 ? 0 : unit == 60 ? 1 : 2;
    int whole = (int) (total / unit);
    parts[index] += whole;
    said[index] = true;
    long remainder = total - (long) whole * unit;
    if (remainder > 0) {
      int smaller = index + 1;
      int size = smaller == 1 ? 60 : 1;
      parts[smaller] += (int) (remainder / size);
      said[smaller] = true;
    }
    return true;
  }

  private static Double amount(List<String> words) {
    List<String> kept = new ArrayList<>(words);
    while (!kept.isEmpty() && GLUE.contains(kept.get(kept.size() - 1)) && kept.size() > 1) {
      kept.remove(kept.size() - 1);
    }
    if (kept.size() == 1 && (kept.get(0).equals("a") || kept.get(0).equals("an") || kept.get(0).equals("un")
        || kept.get(0).equals("une"))) {
      return 1.0;
    }
    try {
      if (kept.size() == 1 && kept.get(0).matches("\\d+(\\.\\d+)?")) {
        return Double.valueOf(kept.get(0));
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return NumberWords.parse(String.join(" ", kept));
  }
}
