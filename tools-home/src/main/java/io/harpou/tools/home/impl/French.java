package io.harpou.tools.home.impl;

import java.util.Locale;
import java.util.Set;

/**
 * French grammar for device names in replies: the definite article a listener expects ("la lumière de la cuisine",
 * "le plafonnier du salon", "l'enceinte", "les stores"), and the contractions of "de" and "à" with it. Names whose
 * first word is not a known noun (brand names, scene names) are left bare rather than guessed.
 */
final class French {

  private static final Set<String> FEMININE = Set.of(
      "lumiere", "lampe", "prise", "multiprise", "machine", "tele", "television", "barre", "enceinte", "porte",
      "serrure", "camera", "liste", "scene", "ambiance", "temperature", "humidite", "consommation", "batterie",
      "litiere", "sonnette", "fenetre", "persienne", "ampoule", "chaine", "radio", "clim", "climatisation", "pompe",
      "alarme", "sirene", "guirlande", "veilleuse", "applique", "suspension", "hotte", "plaque", "box", "cafetiere",
      "bouilloire", "vanne", "pergola", "baie", "piscine", "ventilation", "chaudiere", "station", "sonde", "bande",
      "horloge", "console", "soiree", "musique", "led", "tablette", "imprimante", "cuisine", "chambre", "salle",
      "entree", "cave", "buanderie", "terrasse", "veranda", "douche", "baignoire", "fontaine", "ampli", "webcam",
      "grille");
  private static final Set<String> MASCULINE = Set.of(
      "plafonnier", "lustre", "ventilateur", "store", "volet", "rideau", "thermostat", "chauffage", "radiateur",
      "distributeur", "contact", "mouvement", "arrosage", "minuteur", "capteur", "detecteur", "interrupteur",
      "eclairage", "luminaire", "spot", "lampadaire", "portail", "garage", "verrou", "climatiseur", "lecteur",
      "televiseur", "son", "ecran", "projecteur", "chauffe", "four", "frigo", "refrigerateur", "congelateur",
      "aspirateur", "robot", "purificateur", "humidificateur", "deshumidificateur", "mode", "script", "thermometre",
      "compteur", "niveau", "bureau", "salon", "jardin", "cellier", "grenier", "bouton", "chargeur", "routeur",
      "ordinateur", "portier", "visiophone", "interphone", "carillon", "bandeau", "lit", "poele", "ballon",
      "cumulus", "adoucisseur", "filtre", "reveil", "portillon", "lave", "seche", "micro", "haut", "sapin",
      "plafond", "couloir", "palier", "escalier", "dressing", "abri");
  /** Words starting with an aspirated h take "le"/"la", not "l'". */
  private static final Set<String> ASPIRATED = Set.of("hotte", "haut", "hall", "hublot", "hamac", "housse");
  private static final Set<String> ARTICLES = Set.of("le", "la", "les", "l", "un", "une", "des", "mon", "ma",
      "mes", "notre", "nos", "ce", "cette", "ces");

  private French() {
  }

  /** {@code name} with its definite article, or unchanged when it has one or its first word is not a known noun. */
  static String withArticle(String name) {
    if (name == null || name.isBlank()) {
      return name;
    }
    String trimmed = name.trim();
    int end = 0;
    while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
      end++;
    }
    String firstRaw = trimmed.substring(0, end);
    if (end < trimmed.length() && (trimmed.charAt(end) == '\'' || trimmed.charAt(end) == '’')
        && ARTICLES.contains(Text.normalize(firstRaw))) {
      return trimmed;
    }
    String first = Text.normalize(firstRaw);
    if (first.isEmpty() || ARTICLES.contains(first)) {
      return trimmed;
    }
    String singular = Text.singular(first);
    boolean plural = !singular.equals(first) && (FEMININE.contains(singular) || MASCULINE.contains(singular));
    boolean feminine = FEMININE.contains(first);
    if (!plural && !feminine && !MASCULINE.contains(first)) {
      return trimmed;
    }
    String noun = lowerInitial(trimmed, firstRaw);
    if (plural) {
      return "les " + noun;
    }
    if (startsWithVowelSound(first)) {
      return "l'" + noun;
    }
    return (feminine ? "la " : "le ") + noun;
  }

  /** "Thermostat" becomes "thermostat" after an article; "TV" and "Hue Go" keep their capitals. */
  private static String lowerInitial(String name, String firstWord) {
    if (firstWord.length() > 1 && Character.isUpperCase(firstWord.charAt(0))
        && firstWord.substring(1).equals(firstWord.substring(1).toLowerCase(Locale.ROOT))) {
      return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
    return name;
  }

  private static boolean startsWithVowelSound(String word) {
    char c = word.charAt(0);
    return "aeiouy".indexOf(c) >= 0 || c == 'h' && !ASPIRATED.contains(word);
  }

  /** A French sentence with "de le", "de les", "à le", "à les" contracted and its first letter in capitals. */
  static String polish(String sentence) {
    String s = contract(sentence);
    if (!s.isEmpty() && Character.isLowerCase(s.charAt(0))) {
      s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
    return s;
  }

  /** A part of a French sentence with "de le", "de les", "à le", "à les" contracted. */
  static String contract(String text) {
    return text.replace(" de le ", " du ").replace(" de les ", " des ").replace(" à le ", " au ")
        .replace(" à les ", " aux ");
  }
}
