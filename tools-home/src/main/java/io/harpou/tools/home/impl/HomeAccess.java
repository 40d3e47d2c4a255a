package io.harpou.tools.home.impl;

import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.tools.home.ExposurePolicy;
import java.util.Map;
import java.util.WeakHashMap;

/** What every home tool and the matcher share: the policy, the vocabulary, the resolver and one view per gateway. */
public final class HomeAccess {

  private final ExposurePolicy policy;
  private final Vocabulary vocabulary;
  private final Resolver resolver;
  private final Map<HomeGateway, ExposedHomeImpl> homes = new WeakHashMap<>();

  /** Shares {@code policy} and {@code vocabulary}. */
  public HomeAccess(ExposurePolicy policy, Vocabulary vocabulary) {
    this.policy = policy;
    this.vocabulary = vocabulary;
    this.resolver = new Resolver(vocabulary);
  }

  /**
   * The exposed view of the home behind {@code gateway}, created on first use. A per-call view of the hub's gateway
   * shares the view of the gateway it stands for, and hands it the entities the household hides now, so the shared
   * view follows the household's settings; tools still act through the gateway in their context.
   */
  public synchronized ExposedHomeImpl home(HomeGateway gateway) {
    ExposedHomeImpl home = homes.computeIfAbsent(gateway.origin(), g -> new ExposedHomeImpl(g, policy));
    if (gateway != gateway.origin()) {
      home.hide(gateway.hiddenFromAssistant());
    }
    return home;
  }

  /** The exposure policy. */
  public ExposurePolicy policy() {
    return policy;
  }

  /** The words of every loaded language. */
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** The shared resolver. */
  public Resolver resolver() {
    return resolver;
  }
}
