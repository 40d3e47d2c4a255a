package io.harpou.bridge.vertx.memory;

import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.memory.Memory;
import io.harpou.bridge.vertx.memory.impl.OllamaFactExtractor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * Finds durable, personal facts in what someone said ("my daughter is allergic to peanuts"), leaving out passing
 * requests and small talk. Futures complete on the caller's context; they fail with
 * {@link io.harpou.bridge.api.BridgeException} when the model cannot be reached.
 */
public interface FactExtractor {

  /** An extractor asking an Ollama chat model (configured by {@code facts.ollama_url} and {@code facts.model}). */
  static FactExtractor ollama(Vertx vertx, String baseUrl, String model) {
    return new OllamaFactExtractor(vertx, baseUrl, model);
  }

  /** The facts worth keeping from {@code utterance}, as memories to store (scope and subject filled), maybe none. */
  Future<List<Memory>> extract(Utterance utterance);
}
