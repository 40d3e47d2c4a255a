package io.harpou.tools.home.impl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compiles sentence templates into anchored regular expressions over normalised text. Syntax: {@code (a|b)} one of,
 * {@code [a|b]} optional, {@code {slot}} a captured slot, {@code <rule>} an expansion rule of the language. Slots with
 * a closed vocabulary ({@code number}, {@code duration}, {@code length}, {@code color}, {@code mode}, {@code state},
 * ...) compile to alternations of their words; other slots capture any words. Every element matches with one trailing
 * space, and the text is matched with one appended, so optional parts need no spacing rules.
 */
final class PatternCompiler {

  /** Slots holding a number or a length, made of number words and digits (and units for lengths). */
  private static final Set<String> NUMERIC = Set.of("number", "duration", "length");
  private static final int MAX_EXPANSION_DEPTH = 8;

  private final Map<String, Set<String>> closedSlots;
  private final java.util.function.UnaryOperator<String> rules;
  private String source;
  private int pos;
  private final Set<String> slotsSeen = new LinkedHashSet<>();
  private final Set<String> openSeen = new LinkedHashSet<>();

  /**
   * {@code closedSlots} maps a slot name to the normalised words or phrases it accepts; {@code rules} gives the text
   * of an expansion rule by name, or null when there is none.
   */
  PatternCompiler(Map<String, Set<String>> closedSlots, java.util.function.UnaryOperator<String> rules) {
    this.closedSlots = closedSlots;
    this.rules = rules;
  }

  /** {@code template} with its {@code <rule>} references replaced by their text, in parentheses. */
  private String expand(String template, int depth) {
    if (template.indexOf('<') < 0) {
      return template;
    }
    if (depth > MAX_EXPANSION_DEPTH) {
      throw new IllegalArgumentException("expansion rules nest too deep in: " + template);
    }
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < template.length()) {
      int open = template.indexOf('<', at);
      if (open < 0) {
        out.append(template, at, template.length());
        break;
      }
      int close = template.indexOf('>', open);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed rule in: " + template);
      }
      String name = template.substring(open + 1, close).trim();
      String text = rules.apply(name);
      if (text == null) {
        throw new IllegalArgumentException("unknown rule <" + name + "> in: " + template);
      }
      out.append(template, at, open).append('(').append(expand(text, depth + 1)).append(')');
      at = close + 1;
    }
    return out.toString();
  }

  /** Compiles one template; throws IllegalArgumentException naming the template when it is malformed. */
  Sentence compile(String template) {
    source = expand(template, 0);
    pos = 0;
    slotsSeen.clear();
    openSeen.clear();
    Part whole = alternatives();
    if (pos != source.length()) {
      throw new IllegalArgumentException("unbalanced template: " + template);
    }
    Set<String> first = whole.nullable() || whole.first() == null ? null : Set.copyOf(whole.first());
    List<Set<String>> groups = new ArrayList<>();
    whole.required().forEach(g -> groups.add(Set.copyOf(g)));
    return new Sentence(Pattern.compile("^" + whole.regex() + "$"), Set.copyOf(slotsSeen), Set.copyOf(openSeen),
        first, List.copyOf(groups));
  }

  /**
   * A piece of a template: its expression, the words it can start with (null for any word), whether it can match
   * nothing, and groups of words such that every match contains at least one word of each group.
   */
  private record Part(String regex, Set<String> first, boolean nullable, Set<Set<String>> required) {

    static final Part EMPTY = new Part("", Set.of(), true, Set.of());

    Part(String regex, Set<String> first, boolean nullable) {
      this(regex, first, nullable, Set.of());
    }

    Part then(Part next) {
      Set<Set<String>> req = required;
      if (!next.required.isEmpty()) {
        req = new LinkedHashSet<>(required);
        req.addAll(next.required);
      }
      Set<String> f;
      if (!nullable) {
        f = first;
      } else if (first == null || next.first == null) {
        f = null;
      } else {
        f = new LinkedHashSet<>(first);
        f.addAll(next.first);
      }
      return new Part(regex + next.regex, f, nullable && next.nullable, req);
    }
  }

  private Part alternatives() {
    List<Part> options = new ArrayList<>();
    options.add(sequence());
    while (pos < source.length() && source.charAt(pos) == '|') {
      pos++;
      options.add(sequence());
    }
    if (options.size() == 1) {
      return options.get(0);
    }
    Set<String> first = new LinkedHashSet<>();
    boolean nullable = false;
    List<String> regexes = new ArrayList<>();
    // Groups every option requires, plus one group made of a group from each option: a match takes some option.
    Set<Set<String>> required = new LinkedHashSet<>(options.get(0).required());
    Set<String> oneOfEach = new LinkedHashSet<>();
    for (Part p : options) {
      required.retainAll(p.required());
      if (oneOfEach != null && !p.required().isEmpty()) {
        oneOfEach.addAll(p.required().iterator().next());
      } else {
        oneOfEach = null;
      }
      regexes.add(p.regex());
      nullable |= p.nullable();
      if (first != null && p.first() != null) {
        first.addAll(p.first());
      } else {
        first = null;
      }
    }
    if (oneOfEach != null) {
      required.add(oneOfEach);
    }
    return new Part("(?:" + String.join("|", regexes) + ")", first, nullable, required);
  }

  private Part sequence() {
    Part out = Part.EMPTY;
    StringBuilder words = new StringBuilder();
    while (pos < source.length()) {
      char c = source.charAt(pos);
      if (c == '|' || c == ')' || c == ']') {
        break;
      }
      if (c == '(' || c == '[' || c == '{') {
        out = out.then(literal(words));
        pos++;
        if (c == '{') {
          int end = source.indexOf('}', pos);
          if (end < 0) {
            throw new IllegalArgumentException("unclosed slot in: " + source);
          }
          out = out.then(slot(source.substring(pos, end).trim()));
          pos = end + 1;
        } else {
          Part inner = alternatives();
          char close = c == '(' ? ')' : ']';
          if (pos >= source.length() || source.charAt(pos) != close) {
            throw new IllegalArgumentException("expected '" + close + "' in: " + source);
          }
          pos++;
          out = out.then(c == '(' ? new Part("(?:" + inner.regex() + ")", inner.first(), inner.nullable(),
              inner.required()) : new Part("(?:" + inner.regex() + ")?", inner.first(), true));
        }
      } else {
        words.append(c);
        pos++;
      }
    }
    return out.then(literal(words));
  }

  private static Part literal(StringBuilder words) {
    String n = Text.normalize(words.toString());
    words.setLength(0);
    if (n.isEmpty()) {
      return Part.EMPTY;
    }
    StringBuilder out = new StringBuilder();
    String[] split = n.split(" ");
    for (String w : split) {
      out.append(Pattern.quote(w)).append(' ');
    }
    Set<Set<String>> required = new LinkedHashSet<>();
    for (String w : split) {
      required.add(Set.of(w));
    }
    return new Part(out.toString(), Set.of(split[0]), false, required);
  }

  private Part slot(String name) {
    if (!name.matches("[a-z]+")) {
      throw new IllegalArgumentException("slot names are lower-case letters: {" + name + "} in " + source);
    }
    if (!slotsSeen.add(name)) {
      throw new IllegalArgumentException("slot {" + name + "} twice in: " + source);
    }
    Set<String> closed = closedSlots.get(name);
    if (closed == null) {
      openSeen.add(name);
      // Possessive inside a word: a word is never split, so the only backtracking left is between whole words.
      return new Part("(?<" + name + ">(?:\\S++ )+?)", null, false);
    }
    if (NUMERIC.contains(name)) {
      return new Part("(?<" + name + ">(?:(?:" + join(closed) + "|[+-]?\\d+(?:\\.\\d+)?|\\d+h\\d*) )+)", null,
          false);
    }
    Set<String> first = new LinkedHashSet<>();
    for (String phrase : closed) {
      int space = phrase.indexOf(' ');
      first.add(space < 0 ? phrase : phrase.substring(0, space));
    }
    return new Part("(?<" + name + ">(?:" + join(closed) + ") )", first, false,
        first.isEmpty() ? Set.of() : Set.of(first));
  }

  /**
   * The phrases as one expression shaped like a character trie, so that matching costs the length of the word rather
   * than one comparison per phrase; longer phrases are preferred, as with a longest-first alternation.
   */
  private static String join(Set<String> phrases) {
    Trie root = new Trie();
    for (String p : phrases) {
      Trie node = root;
      for (int i = 0; i < p.length(); i++) {
        node = node.children.computeIfAbsent(p.charAt(i), k -> new Trie());
      }
      node.terminal = true;
    }
    return root.regex();
  }

  private static final class Trie {
    final java.util.TreeMap<Character, Trie> children = new java.util.TreeMap<>();
    boolean terminal;

    String regex() {
      List<String> branches = new ArrayList<>();
      children.forEach((c, child) -> branches.add((Character.isLetterOrDigit(c) ? "" : "\\") + c + child.regex()));
      if (branches.isEmpty()) {
        return "";
      }
      String alt = branches.size() == 1 ? branches.get(0) : "(?:" + String.join("|", branches) + ")";
      return terminal ? (branches.size() == 1 ? "(?:" + alt + ")?" : alt + "?") : alt;
    }
  }
}
