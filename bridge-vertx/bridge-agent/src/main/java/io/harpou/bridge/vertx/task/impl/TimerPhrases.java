package io.harpou.bridge.vertx.task.impl;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the simple English and French ways of asking for a timer or a reminder: "set a timer for 5 minutes",
 * "remind me in 10 minutes to check the oven", "remind me at 7 to call mum", "mets un minuteur de 5 minutes",
 * "rappelle-moi dans 10 minutes de sortir la pizza", "rappelle-moi à 7h30 d'appeler maman".
 */
public final class TimerPhrases {

  /**
   * What was asked.
   *
   * @param duration how long from now, or null when a clock time was given
   * @param at the clock time, or null
   * @param message what to remind about, or null for a plain timer
   */
  public record Request(Duration duration, LocalTime at, String message) {
  }

  private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
      Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
      Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
      Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("fifteen", 15), Map.entry("twenty", 20),
      Map.entry("thirty", 30), Map.entry("un", 1), Map.entry("une", 1), Map.entry("deux", 2), Map.entry("trois", 3),
      Map.entry("quatre", 4), Map.entry("cinq", 5), Map.entry("dix", 10), Map.entry("quinze", 15),
      Map.entry("vingt", 20), Map.entry("trente", 30));
  private static final String NUMBER = "(\\d+|" + String.join("|", NUMBER_WORDS.keySet()) + ")";
  private static final Pattern AMOUNT = Pattern.compile(NUMBER
      + "[ -]?(seconds?|secondes?|secs?|s|minutes?|mins?|hours?|heures?|hrs?|h)\\b");
  private static final Pattern TIMER = Pattern.compile("\\b(timer|minuteur|minuterie|chrono)\\b");
  private static final Pattern REMIND_IN = Pattern.compile(
      "\\b(?:remind me|rappelle[- ]moi|rappelez[- ]moi)\\s+(?:in|dans)\\s+(.+?)\\s+(?:to|de|d'|qu')\\s*(.+)$");
  private static final Pattern REMIND_AT = Pattern.compile(
      "\\b(?:remind me|rappelle[- ]moi|rappelez[- ]moi)\\s+(?:at|à|a)\\s+(\\d{1,2})(?:[:h](\\d{2})?)?\\s*"
          + "(am|pm|heures?)?\\s+(?:to|de|d'|qu')\\s*(.+)$");

  private TimerPhrases() {
  }

  /** Reads {@code text}; empty when it is not a timer or reminder request this parser is sure about. */
  public static Optional<Request> parse(String text) {
    String t = text.toLowerCase(Locale.ROOT).trim().replaceAll("[.!?]+$", "").replace('’', '\'');
    Matcher at = REMIND_AT.matcher(t);
    if (at.find()) {
      int hour = Integer.parseInt(at.group(1));
      int minute = at.group(2) == null ? 0 : Integer.parseInt(at.group(2));
      if ("pm".equals(at.group(3)) && hour < 12) {
        hour += 12;
      } else if ("am".equals(at.group(3)) && hour == 12) {
        hour = 0;
      }
      if (hour > 23 || minute > 59) {
        return Optional.empty();
      }
      return Optional.of(new Request(null, LocalTime.of(hour, minute), original(text, at.group(4))));
    }
    Matcher in = REMIND_IN.matcher(t);
    if (in.find()) {
      Duration duration = duration(in.group(1));
      return duration == null ? Optional.empty()
          : Optional.of(new Request(duration, null, original(text, in.group(2))));
    }
    if (TIMER.matcher(t).find() && !t.contains("cancel") && !t.contains("annule") && !t.contains("list")) {
      Duration duration = duration(t);
      return duration == null ? Optional.empty() : Optional.of(new Request(duration, null, null));
    }
    return Optional.empty();
  }

  /** The sum of every "N unit" in {@code text}, or null when there is none. */
  static Duration duration(String text) {
    Matcher m = AMOUNT.matcher(text);
    Duration total = Duration.ZERO;
    boolean found = false;
    while (m.find()) {
      String n = m.group(1);
      long amount = Character.isDigit(n.charAt(0)) ? Long.parseLong(n) : NUMBER_WORDS.get(n);
      String unit = m.group(2);
      total = total.plus(unit.startsWith("h") ? Duration.ofHours(amount)
          : unit.startsWith("m") ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount));
      found = true;
    }
    return found && !total.isZero() ? total : null;
  }

  /** Says a duration the way people do: "1 hour 30 minutes", "45 secondes". */
  public static String say(Duration d, boolean french) {
    StringBuilder out = new StringBuilder();
    append(out, d.toHours(), french ? "heure" : "hour");
    append(out, d.toMinutesPart(), "minute");
    append(out, d.toSecondsPart(), french ? "seconde" : "second");
    return out.toString();
  }

  private static void append(StringBuilder out, long amount, String unit) {
    if (amount > 0) {
      out.append(out.isEmpty() ? "" : " ").append(amount).append(' ').append(unit).append(amount > 1 ? "s" : "");
    }
  }

  /** The message in its original case, taken from the end of the original text. */
  private static String original(String text, String lowered) {
    String trimmed = text.trim().replaceAll("[.!?]+$", "");
    return trimmed.length() >= lowered.length() ? trimmed.substring(trimmed.length() - lowered.length()) : lowered;
  }
}
