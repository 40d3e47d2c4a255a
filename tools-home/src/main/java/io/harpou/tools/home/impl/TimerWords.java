package io.harpou.tools.home.impl;

import io.harpou.bridge.api.timer.Timer;
import io.harpou.bridge.api.timer.TimerLength;
import java.util.ArrayList;
import java.util.List;

/** Lengths of time as said back: exact when set, rounded as Home Assistant rounds what is left. */
final class TimerWords {

  private TimerWords() {
  }

  /** "1 hour 30 minutes", "45 secondes": every part of {@code seconds}. */
  static String exact(long seconds, String language) {
    return parts(seconds / 3600, seconds % 3600 / 60, seconds % 60, language);
  }

  /** What is left, rounded to what a listener needs: "about 4 minutes 30 seconds", not "4 minutes 27 seconds". */
  static String rounded(long seconds, String language) {
    long h = seconds / 3600;
    long m = seconds % 3600 / 60;
    long s = seconds % 60;
    if (h > 0) {
      m = m > 45 ? 60 : m < 15 ? 0 : 30;
      if (m == 60) {
        h++;
        m = 0;
      }
      s = 0;
    } else if (m > 0) {
      s = s > 45 ? 60 : s < 15 ? 0 : 30;
      if (s == 60) {
        m++;
        s = 0;
      }
    } else if (s > 50) {
      m = 1;
      s = 0;
    } else if (s >= 10) {
      s -= s % 10;
    }
    return parts(h, m, s, language);
  }

  /** How a timer is called: "the pasta timer", "the 10 minute timer". */
  static String label(Timer timer, String language) {
    if (timer.name() != null) {
      return Messages.say(language, "timer_named", timer.name());
    }
    TimerLength l = timer.length();
    return Messages.say(language, "timer_of", Messages.french(language) ? exact(l.totalSeconds(), language)
        : compact(l.totalSeconds()));
  }

  /** "10 minute", "1 hour 30 minute": a length before a noun, in English. */
  private static String compact(long seconds) {
    List<String> out = new ArrayList<>();
    long[] parts = {seconds / 3600, seconds % 3600 / 60, seconds % 60};
    String[] units = {"hour", "minute", "second"};
    for (int i = 0; i < 3; i++) {
      if (parts[i] > 0) {
        out.add(parts[i] + " " + units[i]);
      }
    }
    return String.join(" ", out);
  }

  private static String parts(long h, long m, long s, String language) {
    boolean fr = Messages.french(language);
    List<String> out = new ArrayList<>();
    add(out, h, fr ? "heure" : "hour");
    add(out, m, "minute");
    add(out, s, fr ? "seconde" : "second");
    if (out.isEmpty()) {
      add(out, 0, fr ? "seconde" : "second");
      return "0 " + (fr ? "seconde" : "seconds");
    }
    return String.join(" ", out);
  }

  private static void add(List<String> out, long amount, String unit) {
    if (amount > 0) {
      out.add(amount + " " + unit + (amount > 1 ? "s" : ""));
    }
  }
}
