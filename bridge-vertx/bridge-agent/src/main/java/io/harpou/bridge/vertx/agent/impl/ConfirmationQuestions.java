package io.harpou.bridge.vertx.agent.impl;

import io.harpou.bridge.api.home.EntityEntry;
import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.tool.ToolCall;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The question asked before a protected action, in the user's language, naming the action and the entities as people
 * say them: "Unlock the front door? Say yes to confirm." / "Déverrouiller la porte d'entrée ? Dites oui pour
 * confirmer." A held service call is phrased from what will run (its service and the entities the tool resolved), and
 * a script or scene says which protected entities it reaches. French names come from the entity's aliases when one is
 * French, since Home Assistant keeps one name.
 */
final class ConfirmationQuestions {

  /** An action in English and French (infinitive, as French asks it). */
  private record Verb(String english, String french) {
  }

  private static final Map<String, Verb> VERBS = Map.ofEntries(
      Map.entry("unlock", new Verb("Unlock", "Déverrouiller")),
      Map.entry("lock", new Verb("Lock", "Verrouiller")),
      Map.entry("open", new Verb("Open", "Ouvrir")),
      Map.entry("open_cover", new Verb("Open", "Ouvrir")),
      Map.entry("close", new Verb("Close", "Fermer")),
      Map.entry("close_cover", new Verb("Close", "Fermer")),
      Map.entry("stop", new Verb("Stop", "Arrêter")),
      Map.entry("stop_cover", new Verb("Stop", "Arrêter")),
      Map.entry("position", new Verb("Move", "Régler")),
      Map.entry("set_cover_position", new Verb("Move", "Régler")),
      Map.entry("alarm_disarm", new Verb("Disarm", "Désarmer")),
      Map.entry("alarm_arm_away", new Verb("Arm", "Armer")),
      Map.entry("alarm_arm_home", new Verb("Arm", "Armer")),
      Map.entry("alarm_arm_night", new Verb("Arm", "Armer")),
      Map.entry("alarm_trigger", new Verb("Trigger", "Déclencher")),
      Map.entry("turn_on", new Verb("Turn on", "Allumer")),
      Map.entry("turn_off", new Verb("Turn off", "Éteindre")),
      Map.entry("toggle", new Verb("Toggle", "Basculer")));
  private static final Set<String> FEMININE = Set.of("porte", "lumière", "lampe", "alarme", "serrure", "fenêtre",
      "prise", "télé", "télévision", "enceinte", "barrière", "centrale", "sirène", "caméra", "pompe", "chaudière",
      "cuisine", "chambre", "entrée", "salle", "veilleuse", "guirlande");
  private static final Set<String> MASCULINE = Set.of("portail", "volet", "garage", "store", "chauffage",
      "thermostat", "ventilateur", "plafonnier", "salon", "lustre", "radiateur", "verrou", "système", "bureau",
      "cellier", "abri", "spot", "rideau", "cadenas");
  private static final Pattern FRENCH = Pattern.compile(
      "[àâçéèêëîïôûùüÿœ]|\\b(?:de|du|des|la|le|les|et)\\b|\\b[dl]'", Pattern.CASE_INSENSITIVE);

  private ConfirmationQuestions() {
  }

  /** The question for the held service calls of one tool call, in French when {@code language} is French. */
  static String ask(List<HomeGuard.Held> actions, String language, HomeGateway home) {
    boolean french = isFrench(language);
    List<String> clauses = new ArrayList<>();
    for (HomeGuard.Held action : actions) {
      clauses.add(clause(action, french, home));
    }
    String sentence = String.join(french ? ", puis " : ", then ", clauses);
    return french ? sentence + " ? Dites oui pour confirmer." : sentence + "? Say yes to confirm.";
  }

  private static String clause(HomeGuard.Held action, boolean french, HomeGateway home) {
    ServiceCall call = action.call();
    List<String> named = call.target().entityIds().stream().filter(id -> id.indexOf('.') > 0).toList();
    List<String> objects = named.isEmpty() ? action.reached() : named;
    List<String> names = new ArrayList<>();
    for (String id : objects) {
      names.add(runnable(id) ? runnableName(id, french, home) : name(id, french, home));
    }
    Verb verb = "script".equals(call.domain()) ? new Verb("Run", "Lancer")
        : "scene".equals(call.domain()) && "turn_on".equals(call.service()) ? new Verb("Activate", "Activer")
        : "automation".equals(call.domain()) && "trigger".equals(call.service()) ? new Verb("Trigger", "Déclencher")
        : VERBS.get(call.service());
    String what = verb != null ? (french ? verb.french() : verb.english())
        : french ? "Exécuter « " + call.service().replace('_', ' ') + " » sur"
        : "Run " + call.service().replace('_', ' ') + " on";
    String clause = names.isEmpty() ? what : what + " " + join(names, french ? " et " : " and ");
    List<String> beyond = action.reached().stream().filter(id -> !objects.contains(id))
        .map(id -> name(id, french, home)).toList();
    if (!beyond.isEmpty()) {
      clause += (french ? ", qui agit sur " : ", which acts on ") + join(beyond, french ? " et " : " and ");
    }
    return clause;
  }

  /** "the Good night script" / "le script « Bonne nuit »": a script or scene keeps its own name. */
  private static String runnableName(String id, boolean french, HomeGateway home) {
    String domain = id.substring(0, id.indexOf('.'));
    String name = french ? frenchAlias(id, home) : null;
    if (name == null) {
      name = home == null ? null : home.state(id).map(EntityState::friendlyName).orElse(null);
    }
    if (name == null || name.isBlank() || name.equals(id)) {
      name = objectWords(id);
    }
    if (french) {
      return ("scene".equals(domain) ? "la scène" : "automation".equals(domain) ? "l'automatisation" : "le script")
          + " « " + name + " »";
    }
    return "the " + name + " " + domain;
  }

  private static boolean runnable(String id) {
    return id.startsWith("script.") || id.startsWith("scene.") || id.startsWith("automation.");
  }

  private static String name(String id, boolean french, HomeGateway home) {
    return french ? frenchName(id, home) : englishName(id, home);
  }

  private static boolean isFrench(String language) {
    return language != null && language.toLowerCase(Locale.ROOT).startsWith("fr");
  }

  /** The question for {@code call}, in French when {@code language} is French and in English otherwise. */
  static String ask(ToolCall call, String language, HomeGateway home) {
    boolean french = isFrench(language);
    Verb verb = verb(call);
    List<String> targets = new ArrayList<>();
    for (String id : CallTargets.entityIds(call.arguments())) {
      targets.add(french ? frenchName(id, home) : englishName(id, home));
    }
    if (targets.isEmpty() && call.arguments().getValue("name") instanceof String said && !said.isBlank()) {
      targets.add(said.strip());
    }
    String what = verb == null ? fallback(call, french) : french ? verb.french() : verb.english();
    String object = join(targets, french ? " et " : " and ");
    String sentence = object.isEmpty() ? what : what + " " + object;
    return french ? sentence + " ? Dites oui pour confirmer." : sentence + "? Say yes to confirm.";
  }

  private static Verb verb(ToolCall call) {
    JsonObject args = call.arguments();
    if (args.getValue("service") instanceof String service) {
      Verb verb = VERBS.get(service.substring(service.indexOf('.') + 1));
      if (verb != null) {
        return verb;
      }
    }
    if (args.getValue("action") instanceof String action && VERBS.containsKey(action)) {
      return VERBS.get(action);
    }
    return VERBS.get(call.name());
  }

  private static String fallback(ToolCall call, boolean french) {
    String words = call.name().replace('_', ' ');
    return french ? "Exécuter « " + words + " » sur" : "Run " + words + " on";
  }

  private static String englishName(String id, HomeGateway home) {
    String name = home == null ? null : home.state(id).map(EntityState::friendlyName).orElse(null);
    if (name == null || name.isBlank()) {
      name = objectWords(id);
    }
    if (name.contains("'s ") || name.toLowerCase(Locale.ROOT).startsWith("the ")) {
      return name;
    }
    return "the " + lowerFirst(name);
  }

  private static String frenchAlias(String id, HomeGateway home) {
    if (home != null) {
      for (EntityEntry entry : home.entities()) {
        if (entry.entityId().equals(id)) {
          return entry.aliases().stream().filter(a -> FRENCH.matcher(a).find()).findFirst().orElse(null);
        }
      }
    }
    return null;
  }

  private static String frenchName(String id, HomeGateway home) {
    String alias = frenchAlias(id, home);
    if (alias == null) {
      String name = home == null ? null : home.state(id).map(EntityState::friendlyName).orElse(null);
      return "« " + (name == null || name.isBlank() ? objectWords(id) : name) + " »";
    }
    return withArticle(lowerFirst(alias.strip()));
  }

  private static String withArticle(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.matches("^(?:la|le|les) .*") || lower.startsWith("l'")) {
      return name;
    }
    if (lower.matches("^[aeiouyhàâéèêîïôû].*")) {
      return "l'" + name;
    }
    String first = lower.split("[\\s']", 2)[0];
    if (FEMININE.contains(first)) {
      return "la " + name;
    }
    if (MASCULINE.contains(first)) {
      return "le " + name;
    }
    return "« " + name + " »";
  }

  private static String objectWords(String id) {
    return id.substring(id.indexOf('.') + 1).replace('_', ' ');
  }

  /** Lower-cases the first letter of a common name, leaving acronyms such as "TV" alone. */
  private static String lowerFirst(String name) {
    if (name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isLowerCase(name.charAt(1))) {
      return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
    return name;
  }

  private static String join(List<String> parts, String lastSeparator) {
    if (parts.size() <= 1) {
      return parts.isEmpty() ? "" : parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + lastSeparator + parts.get(parts.size() - 1);
  }
}
