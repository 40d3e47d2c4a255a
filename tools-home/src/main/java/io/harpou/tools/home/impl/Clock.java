package io.harpou.tools.home.impl;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** The time and the date as people say them, in English or French. */
final class Clock {

  private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);

  private Clock() {
  }

  /** "It's 3:05 PM." / "Il est 15 h 05." */
  static String time(String language, ZonedDateTime now) {
    if (Messages.french(language)) {
      return Messages.say(language, "time", now.getHour() + " h " + String.format(Locale.ROOT, "%02d",
          now.getMinute()));
    }
    return Messages.say(language, "time", now.format(ENGLISH_TIME));
  }

  /** "Today is Tuesday, March 3." / "Nous sommes le mardi 3 mars." ({@code days} later for "tomorrow"). */
  static String date(String language, ZonedDateTime now, int days) {
    ZonedDateTime day = now.plusDays(days);
    Locale locale = Messages.french(language) ? Locale.FRENCH : Locale.ENGLISH;
    String weekday = day.getDayOfWeek().getDisplayName(TextStyle.FULL, locale);
    String month = day.getMonth().getDisplayName(TextStyle.FULL, locale);
    String said = Messages.french(language) ? weekday + " " + day.getDayOfMonth() + " " + month
        : weekday + ", " + month + " " + day.getDayOfMonth();
    return Messages.say(language, days == 0 ? "date_today" : "date_tomorrow", said);
  }
}
