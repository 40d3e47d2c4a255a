package io.harpou.bridge.vertx.models;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * A routing rule from the configuration: when every criterion given holds, the turn goes to {@code model}.
 *
 * <pre>{@code
 * {"when": {"contains_any": ["recipe", "recette"], "min_words": 3, "language": "de", "household": false,
 *           "profile": "ada", "follow_up": true},
 *  "model": "strong", "reason": "recipes need the strong model"}
 * }</pre>
 *
 * @param containsAny words or phrases of which the request must contain one (case and accents ignored); empty for
 *     no such criterion
 * @param minWords the fewest words, or 0
 * @param maxWords the most words, or 0 for no limit
 * @param language a language the request must be in (its tag or the tag's start: {@code de} matches {@code de-CH}),
 *     or null
 * @param household whether the request must (true) or must not (false) look like a household command, or null
 * @param profile the profile (speaker) the request must come from, or null
 * @param followUp whether the request must (true) or must not (false) follow a turn the strong model answered, or
 *     null
 * @param model the model's name
 * @param reason why, as the event shows it; a description of the rule when not given
 */
public record RoutingRule(List<String> containsAny, int minWords, int maxWords, String language, Boolean household,
                          String profile, Boolean followUp, String model, String reason) {

  /** Normalises the words and checks the fields. */
  public RoutingRule {
    containsAny = containsAny == null ? List.of()
        : containsAny.stream().map(Words::normalise).filter(w -> !w.isBlank()).toList();
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("a routing rule needs a model");
    }
    if (minWords < 0 || maxWords < 0) {
      throw new IllegalArgumentException("a routing rule's word counts must not be negative");
    }
    language = language == null ? null : language.toLowerCase(Locale.ROOT);
    reason = reason == null || reason.isBlank() ? "rule for " + model : reason;
  }

  /** Reads a rule's JSON form. */
  public static RoutingRule fromJson(JsonObject json) {
    JsonObject when = json.getJsonObject("when", new JsonObject());
    return new RoutingRule(Json.strings(when, "contains_any"), when.getInteger("min_words", 0),
        when.getInteger("max_words", 0), when.getString("language"), when.getBoolean("household"),
        when.getString("profile"), when.getBoolean("follow_up"), json.getString("model"), json.getString("reason"));
  }

  /** Whether the rule applies to a request with these traits. */
  public boolean matches(RequestTraits traits) {
    if (!containsAny.isEmpty() && containsAny.stream().noneMatch(traits::contains)) {
      return false;
    }
    if (traits.words() < minWords || (maxWords > 0 && traits.words() > maxWords)) {
      return false;
    }
    if (language != null && !(traits.language().equals(language) || traits.language().startsWith(language + "-")
        || traits.language().startsWith(language + "_"))) {
      return false;
    }
    if (household != null && household != traits.household()) {
      return false;
    }
    if (profile != null && !profile.equals(traits.profile())) {
      return false;
    }
    return followUp == null || followUp == traits.followUp();
  }
}
