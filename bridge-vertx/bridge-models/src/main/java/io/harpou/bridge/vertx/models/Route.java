package io.harpou.bridge.vertx.models;

import java.util.List;

/**
 * Where a turn goes: the model the router chose, why, and the models to fall back to, in order.
 *
 * @param model the chosen model's name
 * @param reason why, in a few words
 * @param chain the chosen model first, then the fallbacks
 */
public record Route(String model, String reason, List<String> chain) {

  /** Copies the chain. */
  public Route {
    chain = List.copyOf(chain);
  }
}
