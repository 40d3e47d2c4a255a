package io.harpou.bridge.vertx.memory.impl;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a fact as "subject, relation, value" to spot contradictions without a model. Only relations where a subject
 * has one value at a time are read: a name ("is called", "s'appelle"), a home ("lives in", "habite"), a place ("is
 * under", "est dans"), a preferred setting ("likes the living room at 21 degrees"), and "is" when what it gives is
 * one of a kind (a code, a password, a favourite colour, a birthday) or a quantity on both sides ("is 3 years old").
 * "The cat is grey" and "the cat is old" are both true, and so are "Alice likes tea" and "Alice likes coffee": they
 * are never taken for a contradiction.
 */
public final class Statements {

  /** A fact read as subject, relation and value, each normalised (lower case, no accents, no articles). */
  public record Claim(String subject, String relation, String value) {

    /** True when both claims give a different value to the same subject, in a relation that allows only one. */
    public boolean contradicts(Claim other) {
      if (!subject.equals(other.subject) || !relation.equals(other.relation) || value.equals(other.value)) {
        return false;
      }
      if (!relation.equals(IS)) {
        return true;
      }
      return oneOfAKind(subject) || (quantity(value) && quantity(other.value));
    }
  }

  private static final String IS = "is";
  // Longest first, so that "is called" wins over "is". Each maps to the relation it names.
  private static final List<String[]> RELATIONS = List.of(
      new String[] {" is called ", "called"}, new String[] {" is named ", "called"},
      new String[] {" are called ", "called"}, new String[] {" s'appelle ", "called"},
      new String[] {" s'appellent ", "called"}, new String[] {" se nomme ", "called"},
      new String[] {" lives in ", "lives"}, new String[] {" live in ", "lives"}, new String[] {" habite a ", "lives"},
      new String[] {" habitent a ", "lives"}, new String[] {" habite ", "lives"}, new String[] {" habitent ", "lives"},
      new String[] {" is kept in ", "located"}, new String[] {" is kept under ", "located"},
      new String[] {" is in ", "located"}, new String[] {" is inside ", "located"},
      new String[] {" is under ", "located"}, new String[] {" is behind ", "located"},
      new String[] {" are in ", "located"}, new String[] {" are under ", "located"},
      new String[] {" se trouve ", "located"}, new String[] {" se trouvent ", "located"},
      new String[] {" est dans ", "located"}, new String[] {" est sous ", "located"},
      new String[] {" est derriere ", "located"}, new String[] {" sont dans ", "located"},
      new String[] {" is ", IS}, new String[] {" are ", IS}, new String[] {" est ", IS}, new String[] {" sont ", IS});
  /** "(Alice) likes the living room at 21 degrees": one preferred setting per thing, so the value is a quantity. */
  private static final Pattern PREFERENCE = Pattern.compile(
      "^(?:(.*) )?(?:likes|like|prefers|prefer|wants|want|aime|prefere|preferent|veut|veulent) (.+?) (?:at|a) "
          + "(.*\\d.*)$");
  /** Words naming something a subject has only one of. */
  private static final Set<String> ONE_OF_A_KIND = Set.of("name", "code", "password", "pin", "passcode", "number",
      "phone", "address", "email", "colour", "color", "favourite", "favorite", "birthday", "age", "date", "plate",
      "size", "nom", "passe", "numero", "telephone", "adresse", "couleur", "prefere", "preferee", "anniversaire",
      "taille", "pointure", "plaque", "mail");
  private static final Pattern DIGIT = Pattern.compile("\\d");
  private static final Set<String> ARTICLES = Set.of("the", "a", "an", "my", "our", "your", "their", "his", "her",
      "le", "la", "les", "l", "un", "une", "mon", "ma", "mes", "notre", "nos", "votre", "vos", "son", "sa", "ses");
  private static final Set<String> FILLERS = Set.of("now", "actually", "really", "still", "maintenant",
      "desormais", "toujours", "vraiment");
  /** What a subject is read without: "our cat now" is "cat". */
  private static final Set<String> NOT_SUBJECT = java.util.stream.Stream.concat(ARTICLES.stream(), FILLERS.stream())
      .collect(Collectors.toUnmodifiableSet());
  private static final Set<String> VAGUE_SUBJECTS = Set.of("it", "this", "that", "there", "he", "she", "they",
      "what", "who", "il", "elle", "ce", "c", "ca", "cela", "on", "qui");

  private Statements() {
  }

  /** The claim a sentence makes, when it reads as one of the single-valued relations. */
  public static Optional<Claim> claim(String sentence) {
    String normal = normalize(sentence);
    Matcher preference = PREFERENCE.matcher(normal);
    if (preference.matches()) {
      String who = preference.group(1) == null ? "" : strip(preference.group(1), NOT_SUBJECT);
      String what = strip(preference.group(2), ARTICLES);
      String value = strip(preference.group(3), FILLERS);
      return what.isEmpty() || VAGUE_SUBJECTS.contains(who) ? Optional.empty()
          : Optional.of(new Claim((who + " " + what).trim(), "prefers", value));
    }
    String text = " " + normal + " ";
    for (String[] relation : RELATIONS) {
      int at = text.indexOf(relation[0]);
      if (at > 0) {
        String subject = strip(text.substring(0, at), NOT_SUBJECT);
        String value = strip(text.substring(at + relation[0].length()), FILLERS);
        if (subject.isEmpty() || value.isEmpty() || VAGUE_SUBJECTS.contains(subject)) {
          return Optional.empty();
        }
        return Optional.of(new Claim(subject, relation[1], value));
      }
    }
    return Optional.empty();
  }

  private static boolean oneOfAKind(String subject) {
    return Arrays.stream(subject.split(" ")).anyMatch(ONE_OF_A_KIND::contains);
  }

  private static boolean quantity(String value) {
    return DIGIT.matcher(value).find();
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
