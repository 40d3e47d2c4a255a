package io.harpou.bridge.vertx.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Picks the model for a turn from the request alone, in memory and without I/O: the profile's preferred model, else
 * the first rule that matches, else the default, which sends household commands and short requests to the fast model
 * and plans, document questions, open questions, long requests, requests in a language outside
 * {@link #FAST_LANGUAGES} and follow-ups of a strong turn to the strong one. Health and budgets are the
 * {@link ModelPool}'s business: the router says what the turn should get.
 */
public final class Router {

  /** Languages the fast model is trusted with. */
  public static final Set<String> FAST_LANGUAGES = Set.of("en", "fr");
  /** Requests longer than this many words go to the strong model. */
  public static final int LONG_REQUEST_WORDS = 25;
  /** A follow-up of a strong turn this short stays with the strong model. */
  public static final int FOLLOW_UP_WORDS = 10;

  private final RoutingOptions options;
  private final String fast;
  private final String strong;
  private final List<String> chain;
  private final List<String> names;

  /**
   * A router over the configured model names.
   *
   * @throws IllegalArgumentException when a rule, a chain or a profile names a model that is not configured
   */
  public Router(RoutingOptions options, List<ModelSpec> models) {
    if (models.isEmpty()) {
      throw new IllegalArgumentException("routing needs at least one model");
    }
    this.options = options;
    this.names = models.stream().map(ModelSpec::name).toList();
    this.fast = options.fast() != null ? known(options.fast(), names, "routing.fast") : defaultFast(models);
    this.strong = options.strong() != null ? known(options.strong(), names, "routing.strong")
        : defaultStrong(models, fast);
    this.chain = options.chain().isEmpty() ? names : checked(options.chain(), names, "routing.chain");
    options.rules().forEach(rule -> known(rule.model(), names, "a routing rule"));
    options.profiles().forEach((profile, preference) -> {
      if (preference.model() != null) {
        known(preference.model(), names, "routing.profiles." + profile);
      }
      checked(preference.chain(), names, "routing.profiles." + profile + ".chain");
    });
  }

  /** The fast model's name. */
  public String fast() {
    return fast;
  }

  /** The strong model's name. */
  public String strong() {
    return strong;
  }

  /** The route for a request with these traits. */
  public Route route(RequestTraits traits) {
    return route(traits, null);
  }

  /**
   * The route for a request with these traits whose agent profile names {@code preferred} (null for none): that model
   * takes the place of the one {@code routing.profiles} gives the profile, when it is configured (a profile saved
   * before the configuration changed may name one that no longer is).
   */
  public Route route(RequestTraits traits, String preferred) {
    RoutingOptions.Preference configured = traits.profile() == null ? null
        : options.profiles().get(traits.profile());
    RoutingOptions.Preference preference = preferred == null || !names.contains(preferred) ? configured
        : new RoutingOptions.Preference(preferred, configured == null ? List.of() : configured.chain());
    List<String> order = preference != null && !preference.chain().isEmpty() ? preference.chain() : chain;
    for (RoutingRule rule : options.rules()) {
      if (rule.matches(traits)) {
        return route(rule.model(), rule.reason(), order);
      }
    }
    if (preference != null && preference.model() != null) {
      return route(preference.model(), "profile " + traits.profile() + " prefers " + preference.model(), order);
    }
    if (traits.plan()) {
      return route(strong, "a plan", order);
    }
    if (traits.document()) {
      return route(strong, "a question about documents", order);
    }
    if (traits.household()) {
      return route(fast, "a household command", order);
    }
    if (traits.openQuestion()) {
      return route(strong, "an open question", order);
    }
    if (traits.words() > LONG_REQUEST_WORDS) {
      return route(strong, "a long request", order);
    }
    if (!FAST_LANGUAGES.contains(baseLanguage(traits.language()))) {
      return route(strong, "language " + traits.language(), order);
    }
    if (traits.followUp() && traits.words() <= FOLLOW_UP_WORDS) {
      return route(strong, "a follow-up of a turn the strong model answered", order);
    }
    return route(fast, "a short request", order);
  }

  private static Route route(String model, String reason, List<String> order) {
    List<String> chain = new ArrayList<>(order.size() + 1);
    chain.add(model);
    for (String name : order) {
      if (!name.equals(model)) {
        chain.add(name);
      }
    }
    return new Route(model, reason, chain);
  }

  private static String baseLanguage(String language) {
    int cut = language.indexOf('-') >= 0 ? language.indexOf('-') : language.indexOf('_');
    return cut < 0 ? language : language.substring(0, cut);
  }

  private static String defaultFast(List<ModelSpec> models) {
    return models.stream().filter(m -> m.name().equals("fast")).findFirst()
        .or(() -> models.stream().filter(ModelSpec::local).findFirst())
        .orElse(models.get(0)).name();
  }

  private static String defaultStrong(List<ModelSpec> models, String fast) {
    return models.stream().filter(m -> m.name().equals("strong")).findFirst()
        .or(() -> models.stream().filter(m -> !m.local()).findFirst())
        .or(() -> models.stream().filter(m -> !m.name().equals(fast)).findFirst())
        .map(ModelSpec::name).orElse(fast);
  }

  private static String known(String name, List<String> names, String where) {
    if (!names.contains(name)) {
      throw new IllegalArgumentException(where + " names model '" + name + "', which is not configured (models: "
          + names + ")");
    }
    return name;
  }

  private static List<String> checked(List<String> chain, List<String> names, String where) {
    chain.forEach(name -> known(name, names, where));
    return chain;
  }
}
