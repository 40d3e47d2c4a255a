package io.harpou.bridge.vertx.models;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code agent.routing} section: which model is the fast one and which the strong one, the rules tried before
 * the default, the fallback chain, and each profile's preference.
 *
 * <pre>{@code
 * {"fast": "fast", "strong": "strong", "chain": ["strong", "fast"],
 *  "rules": [{"when": {"contains_any": ["recipe"]}, "model": "strong", "reason": "recipes"}],
 *  "profiles": {"ada": {"model": "strong", "chain": ["strong", "fast"]}}}
 * }</pre>
 *
 * <p>Every key is optional: without {@code fast}, the model named {@code fast}, else the first local model, else the
 * first model; without {@code strong}, the model named {@code strong}, else the first model that is not local, else
 * the first model after the fast one, else the fast one; without {@code chain}, every model in the order configured.
 *
 * @param fast the fast model's name, or null for the default
 * @param strong the strong model's name, or null for the default
 * @param chain the fallback order, empty for the default
 * @param rules the rules, tried in order before the default routing
 * @param profiles each profile's preference
 */
public record RoutingOptions(String fast, String strong, List<String> chain, List<RoutingRule> rules,
                             Map<String, Preference> profiles) {

  /**
   * A profile's preference.
   *
   * @param model the model its turns go to unless a rule says otherwise, or null
   * @param chain its fallback order, empty for the default one
   */
  public record Preference(String model, List<String> chain) {
    /** Copies the chain. */
    public Preference {
      chain = chain == null ? List.of() : List.copyOf(chain);
    }
  }

  /** Copies the lists. */
  public RoutingOptions {
    chain = chain == null ? List.of() : List.copyOf(chain);
    rules = rules == null ? List.of() : List.copyOf(rules);
    profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
  }

  /** Reads the section; an empty one means every default. */
  public static RoutingOptions fromJson(JsonObject json) {
    Map<String, Preference> profiles = new TreeMap<>();
    JsonObject section = json.getJsonObject("profiles", new JsonObject());
    for (String name : section.fieldNames()) {
      JsonObject profile = section.getJsonObject(name);
      profiles.put(name, new Preference(profile.getString("model"), Json.strings(profile, "chain")));
    }
    return new RoutingOptions(json.getString("fast"), json.getString("strong"), Json.strings(json, "chain"),
        Json.objects(json, "rules", RoutingRule::fromJson), profiles);
  }
}
