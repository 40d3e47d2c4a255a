package io.harpou.bridge.vertx.rules.impl;

import io.harpou.bridge.api.agent.Interpretation;
import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.home.EntityEntry;
import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolGate;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Tell me when the washing machine is done", "let me know when the garage door is closed", "préviens-moi quand le
 * lave-linge a fini": finds the one entity so named (its name or an alias, exactly) and calls {@code notify_when}
 * through the executor, so the policy and the audit see it. Anything less certain goes on to the model.
 */
final class TellMeWhenInterpreter implements Interpreter {

  private static final Pattern ENGLISH = Pattern.compile("^(?:please )?(?:tell me|let me know|notify me|warn me)"
      + " when (?:the |my )?(.+?) (?:is|has|gets|are|have)(?: been)? (done|finished|over|ready|off|on|open|opened"
      + "|closed|empty|full|home)(?: please)?[.!?]*$");
  private static final Pattern FRENCH = Pattern.compile("^(?:préviens|dis|avertis)[- ]moi quand (?:le |la |l'|les"
      + " |mon |ma )?(.+?) (?:est|a|sera|aura)(?: été)? (fini|terminé|terminée|finie|prêt|prête|éteint|éteinte|allumé"
      + "|allumée|ouvert|ouverte|fermé|fermée|vide|plein|pleine)[.!?]*$");
  /** The state each word waits for; null for "done", which the tool works out from the entity. */
  private static final Map<String, String> STATES = Map.ofEntries(Map.entry("off", "off"), Map.entry("on", "on"),
      Map.entry("open", "open"), Map.entry("opened", "open"), Map.entry("closed", "closed"),
      Map.entry("empty", "empty"), Map.entry("full", "full"), Map.entry("home", "home"),
      Map.entry("éteint", "off"), Map.entry("éteinte", "off"), Map.entry("allumé", "on"), Map.entry("allumée", "on"),
      Map.entry("ouvert", "open"), Map.entry("ouverte", "open"), Map.entry("fermé", "closed"),
      Map.entry("fermée", "closed"), Map.entry("vide", "empty"), Map.entry("plein", "full"),
      Map.entry("pleine", "full"));
  /** Domains whose entities report what an appliance is doing, preferred when names tie. */
  private static final List<String> PREFERRED = List.of("sensor", "binary_sensor", "vacuum", "switch", "cover");

  @Override
  public String id() {
    return "tell-me-when";
  }

  @Override
  public Future<Interpretation> interpret(Utterance utterance, ToolContext context, ToolGate tools) {
    String text = utterance.text().strip().toLowerCase(Locale.ROOT);
    Matcher match = ENGLISH.matcher(text);
    if (!match.matches()) {
      match = FRENCH.matcher(text);
      if (!match.matches()) {
        return Future.succeededFuture(Interpretation.notMine());
      }
    }
    HomeGateway home = context.home().orElse(null);
    List<EntityState> named = home == null ? List.of() : named(home, match.group(1));
    if (named.size() != 1) {
      return Future.succeededFuture(Interpretation.notMine());
    }
    JsonObject arguments = new JsonObject().put("entity_id", named.get(0).entityId());
    String state = STATES.get(match.group(2));
    if (state != null) {
      arguments.put("state", named.get(0).domain().equals("binary_sensor") ? binary(state) : state);
    }
    return tools.execute(ToolCall.of(NotifyWhenTool.NAME, arguments), utterance)
        .map(result -> Interpretation.handled(result.error()
            ? Reply.error(result.content(), utterance.conversationId())
            : Reply.answer(result.text(), utterance.conversationId())))
        .recover(e -> Future.succeededFuture(Interpretation.handled(Reply.error(e.getMessage(),
            utterance.conversationId()))));
  }

  /** A binary sensor is on when its door is open, its tank full, its person home. */
  private static String binary(String state) {
    return switch (state) {
      case "open", "full", "home", "on" -> "on";
      default -> "off";
    };
  }

  /** The entities whose name or alias is exactly {@code name}, the preferred domain first; one at most kept. */
  private static List<EntityState> named(HomeGateway home, String name) {
    String wanted = plain(name);
    List<EntityState> found = new ArrayList<>();
    for (EntityState state : home.states()) {
      List<String> names = new ArrayList<>(List.of(state.friendlyName()));
      home.entities().stream().filter(e -> e.entityId().equals(state.entityId())).findFirst()
          .ifPresent(entry -> names.addAll(names(entry)));
      if (names.stream().anyMatch(n -> plain(n).equals(wanted))) {
        found.add(state);
      }
    }
    found.sort(Comparator.comparingInt(s -> rank(s.domain())));
    return found.size() > 1 && rank(found.get(0).domain()) == rank(found.get(1).domain()) ? found
        : found.stream().limit(1).toList();
  }

  private static List<String> names(EntityEntry entry) {
    List<String> names = new ArrayList<>(entry.aliases());
    if (entry.name() != null) {
      names.add(entry.name());
    }
    return names;
  }

  private static int rank(String domain) {
    int at = PREFERRED.indexOf(domain);
    return at < 0 ? PREFERRED.size() : at;
  }

  private static String plain(String name) {
    return Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFC).replaceAll("[\\s-]+", " ")
        .strip();
  }
}
