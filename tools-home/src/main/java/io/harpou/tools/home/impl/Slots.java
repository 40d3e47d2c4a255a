package io.harpou.tools.home.impl;

import io.harpou.bridge.api.timer.TimerLength;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;

/** The slots of one matched sentence: as normalised words, as numbers or lengths, or as they were written. */
final class Slots {

  private static final Set<String> PARTITIVES = Set.of("some", "a", "an", "the", "more", "du", "des", "de", "d",
      "un", "une", "encore", "la", "le", "les", "l");

  private final Sentence sentence;
  private final Matcher matcher;
  private final String original;
  private final String normalized;
  private final String stripped;

  Slots(Sentence sentence, Matcher matcher, String original, String normalized, String stripped) {
    this.sentence = sentence;
    this.matcher = matcher;
    this.original = original;
    this.normalized = normalized;
    this.stripped = stripped;
  }

  /** The slot's normalised words, or null when the sentence has no such slot or it matched nothing. */
  String get(String name) {
    if (!sentence.hasSlot(name)) {
      return null;
    }
    String value = matcher.group(name);
    return value == null ? null : value.trim();
  }

  /** True when the sentence has the slot and it matched. */
  boolean has(String name) {
    return get(name) != null;
  }

  /** True when slot {@code second} follows slot {@code first} with no word between them. */
  boolean adjacent(String first, String second) {
    return has(first) && has(second) && matcher.end(first) == matcher.start(second);
  }

  /**
   * The slot with the {@code words} words said just before it ("état de la litière" for a name slot holding "la
   * litière"), or null when fewer words precede it.
   */
  String withPrevious(String name, int words) {
    if (!has(name)) {
      return null;
    }
    String before = stripped.substring(0, matcher.start(name)).trim();
    List<String> previous = before.isEmpty() ? List.of() : List.of(before.split(" "));
    if (previous.size() < words) {
      return null;
    }
    return String.join(" ", previous.subList(previous.size() - words, previous.size())) + " " + get(name);
  }

  /**
   * The slot with the {@code words} words said just after it ("litter box status" for a name slot holding "litter
   * box"), or null when fewer words follow it.
   */
  String withNext(String name, int words) {
    if (!has(name)) {
      return null;
    }
    String after = stripped.substring(Math.min(matcher.end(name), stripped.length())).trim();
    List<String> next = after.isEmpty() ? List.of() : List.of(after.split(" "));
    if (next.size() < words) {
      return null;
    }
    return get(name) + " " + String.join(" ", next.subList(0, words));
  }

  /** The {@code number} slot as a number, or null. */
  Double number() {
    String value = get("number");
    return value == null ? null : NumberWords.parse(value);
  }

  /** The {@code duration} slot as a length, or null. */
  TimerLength duration() {
    String value = get("duration");
    return value == null ? null : DurationWords.parse(value);
  }

  /** A slot as it was written (case and accents kept), without a leading partitive ("du lait" → "lait"). */
  String original(String name) {
    String value = get(name);
    if (value == null) {
      return null;
    }
    String[] tokens = original.trim().split("\\s+");
    List<Integer> owner = new ArrayList<>();
    for (int i = 0; i < tokens.length; i++) {
      String n = Text.normalize(tokens[i]);
      if (!n.isEmpty()) {
        for (String ignored : n.split(" ")) {
          owner.add(i);
        }
      }
    }
    int prefix = normalized.indexOf(stripped);
    int startTok = countWords(normalized.substring(0, Math.max(prefix, 0)))
        + countWords(stripped.substring(0, matcher.start(name)));
    int endTok = startTok + countWords(value);
    if (owner.size() != countWords(normalized) || endTok > owner.size() || prefix < 0) {
      return dropPartitive(value);
    }
    List<String> out = new ArrayList<>();
    for (int i = owner.get(startTok); i <= owner.get(endTok - 1); i++) {
      out.add(tokens[i]);
    }
    return dropPartitive(String.join(" ", out).replaceAll("^[\\p{Punct}«»]+|[\\p{Punct}«»]+$", ""));
  }

  private static String dropPartitive(String text) {
    String s = text.trim();
    boolean changed = true;
    while (changed) {
      changed = false;
      String lower = s.toLowerCase(Locale.ROOT);
      if (lower.matches("^[dl]['’].+")) {
        s = s.substring(2);
        changed = true;
        continue;
      }
      int space = s.indexOf(' ');
      if (space > 0 && PARTITIVES.contains(Text.normalize(s.substring(0, space)))) {
        s = s.substring(space + 1).trim();
        changed = true;
      }
    }
    return s;
  }

  private static int countWords(String s) {
    String t = s.trim();
    return t.isEmpty() ? 0 : t.split(" ").length;
  }
}
