package io.harpou.bridge.vertx.agent.impl;

import io.harpou.bridge.api.home.Area;
import io.harpou.bridge.api.home.EntityEntry;
import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.home.HomeGateway;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Picks the entities that matter for an utterance: those whose name, alias, area or domain the utterance mentions,
 * and those in the speaker's room, best first, until the token budget is spent. A household with thousands of
 * entities thus sends the model a few lines, not its whole registry.
 */
public final class HomeSelector {

  private static final Map<String, String> DOMAIN_WORDS = new HashMap<>();
  private static final Pattern MARKS = Pattern.compile("\\p{M}");
  private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");
  private static final int CACHED_TEXTS = 50_000;
  private static final Map<String, Set<String>> TOKENS = new ConcurrentHashMap<>();
  private static final Map<String, String> NORMALISED = new ConcurrentHashMap<>();

  static {
    words("light", "light", "lights", "lamp", "lamps", "lumiere", "lumieres", "lampe", "lampes", "eclairage");
    words("switch", "switch", "plug", "prise", "interrupteur");
    words("lock", "lock", "locks", "door", "unlock", "serrure", "porte", "verrouille", "deverrouille");
    words("cover", "blind", "blinds", "shutter", "shutters", "garage", "curtain", "volet", "volets", "store");
    words("climate", "heating", "thermostat", "chauffage", "warm", "cold", "chaud", "froid");
    words("sensor", "temperature", "humidity", "degrees", "temperature", "humidite", "degres", "battery");
    words("media_player", "tv", "television", "music", "speaker", "soundbar", "musique", "tele", "enceinte");
    words("fan", "fan", "ventilateur");
    words("scene", "scene", "mood", "ambiance");
    words("todo", "list", "shopping", "liste", "courses");
    words("timer", "timer", "minuteur");
    words("camera", "camera", "cameras");
  }

  private static void words(String domain, String... list) {
    for (String word : list) {
      DOMAIN_WORDS.put(word, domain);
    }
  }

  /** One selected entity with what the prompt shows of it. */
  public record Selected(EntityState state, String name, String area) {
    /** The prompt line: {@code light.kitchen "Kitchen light" (Kitchen) = off}. */
    public String line() {
      StringBuilder out = new StringBuilder(state.entityId()).append(" \"").append(name).append('"');
      if (area != null) {
        out.append(" (").append(area).append(')');
      }
      out.append(" = ").append(state.state());
      Object unit = state.attributes().getValue("unit_of_measurement");
      if (unit != null) {
        out.append(' ').append(unit);
      }
      Object brightness = state.attributes().getValue("brightness");
      if (brightness != null) {
        out.append(", brightness ").append(brightness);
      }
      return out.toString();
    }
  }

  private HomeSelector() {
  }

  /** The entities relevant to {@code text} said in {@code room}, within {@code budgetTokens}. */
  public static List<Selected> select(HomeGateway home, String text, String room, int budgetTokens) {
    Set<String> words = tokens(text);
    Set<String> domains = new HashSet<>();
    words.forEach(w -> {
      String domain = DOMAIN_WORDS.get(w);
      if (domain != null) {
        domains.add(domain);
      }
    });
    Map<String, EntityEntry> entries = new HashMap<>();
    for (EntityEntry entry : home.entities()) {
      entries.put(entry.entityId(), entry);
    }
    String roomKey = room == null ? null : normalise(room);
    List<Map.Entry<Selected, Integer>> scored = new ArrayList<>();
    for (EntityState state : home.states()) {
      EntityEntry entry = entries.get(state.entityId());
      if (entry != null && (entry.hidden() || entry.disabled())) {
        continue;
      }
      Area area = home.areaOf(state.entityId()).orElse(null);
      String name = entry != null && entry.name() != null ? entry.name() : state.friendlyName();
      int score = 0;
      score += overlap(words, name) * 3;
      if (entry != null) {
        for (String alias : entry.aliases()) {
          score += overlap(words, alias) * 3;
        }
      }
      score += overlap(words, state.entityId()) * 2;
      boolean inRoom = false;
      if (area != null) {
        int areaScore = overlap(words, area.name());
        for (String alias : area.aliases()) {
          areaScore += overlap(words, alias);
        }
        score += areaScore * 2;
        inRoom = roomKey != null && (roomKey.equals(known(area.areaId())) || roomKey.equals(known(area.name())));
      }
      boolean domainMatch = domains.contains(state.domain());
      if (domainMatch) {
        score += 2;
      }
      if (inRoom && (domainMatch || domains.isEmpty())) {
        score += 2;
      }
      if (score > 0) {
        scored.add(Map.entry(new Selected(state, name, area == null ? null : area.name()), score));
      }
    }
    scored.sort(Map.Entry.<Selected, Integer>comparingByValue(Comparator.reverseOrder())
        .thenComparing(e -> e.getKey().state().entityId()));
    List<Selected> out = new ArrayList<>();
    int spent = 0;
    for (Map.Entry<Selected, Integer> e : scored) {
      int cost = e.getKey().line().length() / 4 + 1;
      if (spent + cost > budgetTokens) {
        break;
      }
      spent += cost;
      out.add(e.getKey());
    }
    return out;
  }

  private static int overlap(Set<String> words, String text) {
    if (text == null) {
      return 0;
    }
    int count = 0;
    for (String token : knownTokens(text)) {
      if (token.length() > 2 && words.contains(token)) {
        count++;
      }
    }
    return count;
  }

  /** The tokens of a name, alias, area or entity id. */
  private static Set<String> knownTokens(String text) {
    return remembered(TOKENS, text, t -> Set.copyOf(tokens(t)));
  }

  /** The normalised form of an area's id or name. */
  private static String known(String text) {
    return remembered(NORMALISED, text, HomeSelector::normalise);
  }

  /**
   * The home's names are the same at every turn and a selection looks at all of them, so what is derived from them is
   * kept rather than computed again each time (a cache starts over if a home ever outgrows it).
   */
  private static <T> T remembered(Map<String, T> cache, String text, Function<String, T> derive) {
    T value = cache.get(text);
    if (value == null) {
      if (cache.size() >= CACHED_TEXTS) {
        cache.clear();
      }
      value = derive.apply(text);
      cache.put(text, value);
    }
    return value;
  }

  static Set<String> tokens(String text) {
    Set<String> out = new HashSet<>();
    for (String token : NON_WORD.split(normalise(text))) {
      if (!token.isEmpty()) {
        out.add(token);
        if (token.length() > 3 && token.endsWith("s")) {
          out.add(token.substring(0, token.length() - 1));
        }
      }
    }
    return out;
  }

  static String normalise(String text) {
    return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
  }
}
