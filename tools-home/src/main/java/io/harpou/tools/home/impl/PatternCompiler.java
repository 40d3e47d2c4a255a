package io.harpou.tools.home.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compiles sentence templates into anchored regular expressions over normalised text. Syntax: {@code (a|b)} one of,
 * {@code [a|b]} optional, {@code {slot}} a captured slot. Slots with a closed vocabulary ({@code number},
 * {@code color}, {@code mode}, {@code state}) compile to alternations of their words; other slots capture any words.
 * Every element matches with one trailing space, and the text is matched with one appended, so optional parts need no
 * spacing rules.
 */
final class PatternCompiler {

  private final Map<String, Set<String>> closedSlots;
  private String source;
  private int pos;
  private final Set<String> slotsSeen = new LinkedHashSet<>();

  /** {@code closedSlots} maps a slot name to the normalised words or phrases it accepts. */
  PatternCompiler(Map<String, Set<String>> closedSlots) {
    this.closedSlots = closedSlots;
  }

  /** Compiles one template; throws IllegalArgumentException naming the template when it is malformed. */
  Pattern compile(String template) {
    source = template;
    pos = 0;
    slotsSeen.clear();
    String regex = alternatives();
    if (pos != source.length()) {
      throw new IllegalArgumentException("unbalanced template: " + template);
    }
    return Pattern.compile("^" + regex + "$");
  }

  private String alternatives() {
    List<String> options = new ArrayList<>();
    options.add(sequence());
    while (pos < source.length() && source.charAt(pos) == '|') {
      pos++;
      options.add(sequence());
    }
    return options.size() == 1 ? options.get(0) : "(?:" + String.join("|", options) + ")";
  }

  private String sequence() {
    StringBuilder out = new StringBuilder();
    StringBuilder words = new StringBuilder();
    while (pos < source.length()) {
      char c = source.charAt(pos);
      if (c == '|' || c == ')' || c == ']') {
        break;
      }
      if (c == '(' || c == '[' || c == '{') {
        out.append(literal(words));
        pos++;
        if (c == '{') {
          int end = source.indexOf('}', pos);
          if (end < 0) {
            throw new IllegalArgumentException("unclosed slot in: " + source);
          }
          out.append(slot(source.substring(pos, end).trim()));
          pos = end + 1;
        } else {
          String inner = alternatives();
          char close = c == '(' ? ')' : ']';
          if (pos >= source.length() || source.charAt(pos) != close) {
            throw new IllegalArgumentException("expected '" + close + "' in: " + source);
          }
          pos++;
          out.append(c == '(' ? "(?:" + inner + ")" : "(?:" + inner + ")?");
        }
      } else {
        words.append(c);
        pos++;
      }
    }
    out.append(literal(words));
    return out.toString();
  }

  private static String literal(StringBuilder words) {
    String n = Text.normalize(words.toString());
    words.setLength(0);
    if (n.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String w : n.split(" ")) {
      out.append(Pattern.quote(w)).append(' ');
    }
    return out.toString();
  }

  private String slot(String name) {
    if (!name.matches("[a-z]+")) {
      throw new IllegalArgumentException("slot names are lower-case letters: {" + name + "} in " + source);
    }
    if (!slotsSeen.add(name)) {
      throw new IllegalArgumentException("slot {" + name + "} twice in: " + source);
    }
    Set<String> closed = closedSlots.get(name);
    if (closed == null) {
      return "(?<" + name + ">(?:\\S+ )+?)";
    }
    if ("number".equals(name)) {
      return "(?<number>(?:(?:" + join(closed) + "|[+-]?\\d+(?:\\.\\d+)?) )+)";
    }
    return "(?<" + name + ">(?:" + join(closed) + ") )";
  }

  private static String join(Set<String> phrases) {
    List<String> sorted = new ArrayList<>(phrases);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    List<String> quoted = new ArrayList<>();
    for (String p : sorted) {
      quoted.add(Pattern.quote(p));
    }
    return String.join("|", quoted);
  }
}
