package io.harpou.bridge.vertx.memory.impl;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a fact as "subject, relation, value" to spot contradictions without a model. "The cat is called Mochi" and
 * "our cat is called Pixel" share the subject {@code cat} and the relation {@code called} but not the value, so the
 * newer replaces the older. Only identity relations are read (is, are, is called, lives in, and their French forms):
 * "Alice likes tea" and "Alice likes coffee" can both be true, so they are never taken for a contradiction.
 */
public final class Statements {

  /** A fact read as subject, relation and value, each normalised (lower case, no accents, no articles). */
  public record Claim(String subject, String relation, String value) {

    /** True when both claims give a different value to the same subject and relation. */
    public boolean contradicts(Claim other) {
      return subject.equals(other.subject) && relation.equals(other.relation) && !value.equals(other.value);
    }
  }

  // Longest first, so that "is called" wins over "is". Each maps to the relation it names.
  private static final List<String[]> RELATIONS = List.of(
      new String[] {" is called ", "called"}, new String[] {" is named ", "called"},
      new String[] {" are called ", "called"}, new String[] {" s'appelle ", "called"},
      new String[] {" se nomme ", "called"}, new String[] {" lives in ", "lives"}, new String[] {" live in ", "lives"},
      new String[] {" habite a ", "lives"}, new String[] {" habite ", "lives"}, new String[] {" is ", "is"},
      new String[] {" are ", "is"}, new String[] {" est ", "is"}, new String[] {" sont ", "is"});
  private static final Set<String> ARTICLES = Set.of("the", "a", "an", "my", "our", "your", "their", "his", "her",
      "le", "la", "les", "l", "un", "une", "mon", "ma", "mes", "notre", "nos", "votre", "vos", "son", "sa", "ses");
  private static final Set<String> FILLERS = Set.of("now", "actually", "really", "still", "maintenant",
      "desormais", "toujours", "vraiment");
  private static final Set<String> VAGUE_SUBJECTS = Set.of("it", "this", "that", "there", "he", "she", "they",
      "what", "who", "il", "elle", "ce", "c", "ca", "cela", "on", "qui");

  private Statements() {
  }

  /** The claim a sentence makes, when it reads as one. */
  public static Optional<Claim> claim(String sentence) {
    String text = " " + normalize(sentence) + " ";
    for (String[] relation : RELATIONS) {
      int at = text.indexOf(relation[0]);
      if (at > 0) {
        String subject = strip(text.substring(0, at), ARTICLES);
        String value = strip(text.substring(at + relation[0].length()), FILLERS);
        if (subject.isEmpty() || value.isEmpty() || VAGUE_SUBJECTS.contains(subject)) {
          return Optional.empty();
        }
        return Optional.of(new Claim(subject, relation[1], value));
      }
    }
    return Optional.empty();
  }

  /** Lower case, accents removed, punctuation turned into spaces (apostrophes kept), spaces collapsed. */
  public static String normalize(String text) {
    String folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").replace('\u2019', '\'');
    return folded.replaceAll("[^\\p{L}\\p{N}' ]+", " ").replaceAll("\\s+", " ").trim();
  }

  private static String strip(String words, Set<String> drop) {
    return Arrays.stream(words.trim().split("[ ']+"))
        .filter(word -> !word.isEmpty() && !drop.contains(word))
        .collect(Collectors.joining(" "));
  }
}
