package io.harpou.bridge.vertx.memory;

import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.memory.Memory;
import io.harpou.bridge.vertx.memory.impl.ModelFactExtractor;
import io.harpou.bridge.vertx.model.Models;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * Finds durable, personal facts in what someone said ("my daughter is allergic to peanuts"), leaving out passing
 * requests and small talk. Futures complete on the caller's context; they fail with
 * {@link io.harpou.bridge.api.BridgeException} when the model cannot be reached.
 */
public interface FactExtractor {

  /**
   * An extractor asking the chat model of the provider {@code facts.provider} names, with the {@code facts} section.
   *
   * @throws IllegalArgumentException when the provider is not installed or refuses the section
   */
  static FactExtractor create(Vertx vertx, MemoryOptions options) {
    return new ModelFactExtractor(vertx, Models.provider(options.getFactsProvider()).chatModel(vertx,
        options.factsModelConfig()));
  }

  /** The facts worth keeping from {@code utterance}, as memories to store (scope and subject filled), maybe none. */
  Future<List<Memory>> extract(Utterance utterance);
}
