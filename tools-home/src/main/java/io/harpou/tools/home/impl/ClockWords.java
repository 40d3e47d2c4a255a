package io.harpou.tools.home.impl;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a clock time said in English or French ("7", "7:30 pm", "19h30", "7 30 am", "sept heures") as HH:mm. */
final class ClockWords {

  private static final Pattern TIME = Pattern.compile(
      "(\\d{1,2})(?:(?::|h| h |\\.| )(\\d{2}))?(?: ?(?:heures?|o clock|h))?(?: ?(am|pm|a m|p m))?");

  private ClockWords() {
  }

  /** The time as {@code HH:mm}, or null when {@code said} is not a clock time. */
  static String parse(String said) {
    if (said == null) {
      return null;
    }
    String text = Text.normalize(said).replace("heures", "h").replace("heure", "h");
    Matcher m = TIME.matcher(text.trim());
    if (!m.matches()) {
      Double n = NumberWords.parse(text.replace(" h", "").trim());
      return n == null || n != Math.rint(n) || n < 0 || n > 23 ? null
          : String.format(Locale.ROOT, "%02d:00", n.intValue());
    }
    int hour = Integer.parseInt(m.group(1));
    int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    String half = m.group(3) == null ? null : m.group(3).replace(" ", "");
    if ("pm".equals(half) && hour < 12) {
      hour += 12;
    } else if ("am".equals(half) && hour == 12) {
      hour = 0;
    }
    return hour > 23 || minute > 59 ? null : String.format(Locale.ROOT, "%02d:%02d", hour, minute);
  }
}
