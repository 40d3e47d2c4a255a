package io.harpou.bridge.vertx.models;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The word lists behind the default routing, in English and French, and the normal form texts are compared in. */
final class Words {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

  /** Verbs that start a household command. */
  static final Set<String> COMMAND_VERBS = words("turn", "switch", "set", "dim", "brighten", "open", "close",
      "lock", "unlock", "start", "stop", "pause", "resume", "play", "mute", "raise", "lower", "put", "add", "remind",
      "allume", "allumer", "eteins", "eteindre", "ouvre", "ouvrir", "ferme", "fermer", "baisse", "monte", "regle",
      "mets", "lance", "arrete", "verrouille", "deverrouille", "ajoute", "rappelle");
  /** Things in a home that commands act on or ask about. */
  static final Set<String> HOME_NOUNS = words("light", "lights", "lamp", "lamps", "heating", "thermostat",
      "temperature", "blind", "blinds", "shutter", "shutters", "door", "doors", "garage", "tv", "television",
      "music", "fan", "plug", "alarm", "vacuum", "timer", "volume", "radio", "kettle", "oven", "lumiere", "lumieres",
      "lampe", "lampes", "chauffage", "volet", "volets", "porte", "portes", "musique", "tele", "ventilateur",
      "prise", "alarme", "aspirateur", "minuteur", "four", "bouilloire");
  /** Words of a question about documents. */
  static final Set<String> DOCUMENT_WORDS = words("document", "documents", "file", "files", "pdf", "manual",
      "notes", "according", "recipe", "recipes", "fichier", "fichiers", "notice", "manuel", "recette", "recettes",
      "selon");
  /** Words of a request for a plan. */
  static final Set<String> PLAN_WORDS = words("plan", "planning", "organise", "organize", "schedule", "steps",
      "itinerary", "prepare", "planifie", "organiser", "etapes", "prepare", "programme");
  /** Words that open a question needing knowledge or reasoning rather than an action. */
  static final Set<String> OPEN_QUESTION_WORDS = words("why", "how", "explain", "who", "compare", "summarise",
      "summarize", "write", "describe", "suggest", "pourquoi", "comment", "explique", "qui", "compare", "resume",
      "ecris", "decris", "suggere", "raconte", "tell");

  /** Words that start a question. */
  static final Set<String> QUESTION_STARTS = words("what", "whats", "which", "where", "when", "is", "are", "do",
      "does", "can", "could", "quel", "quelle", "quels", "quelles", "ou", "quand", "est", "combien", "how");

  private Words() {
  }

  /** The words as a set; French and English share some, so a list may name one twice. */
  private static Set<String> words(String... words) {
    return Set.copyOf(List.of(words));
  }

  /** Lower case, accents removed, runs of anything but letters and digits made one space. */
  static String normalise(String text) {
    String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
        .toLowerCase(Locale.ROOT);
    return NON_WORD.matcher(plain).replaceAll(" ").trim();
  }
}
