package io.harpou.bridge.vertx.memory;

import io.harpou.bridge.vertx.memory.impl.MiniLmEmbedder;
import io.harpou.bridge.vertx.memory.impl.ModelEmbedder;
import io.harpou.bridge.vertx.model.ModelProvider;
import io.harpou.bridge.vertx.model.Models;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * Turns text into unit-length vectors. Futures complete on the caller's context and fail with
 * {@link io.harpou.bridge.api.BridgeException} when the model cannot be loaded or reached.
 */
public interface Embedder {

  /**
   * The in-process all-MiniLM-L6-v2 model (8-bit), or, when {@code embeddings.url} is set, the embedding model of the
   * provider {@code embeddings.provider} names.
   *
   * @throws IllegalArgumentException when the provider is not installed or refuses the section
   */
  static Embedder create(Vertx vertx, MemoryOptions options) {
    if (options.getEmbeddingsOllamaUrl() == null) {
      return new MiniLmEmbedder(vertx, options.getEmbeddingThreads());
    }
    ModelProvider provider = Models.provider(options.getEmbeddingsProvider());
    return new ModelEmbedder(vertx, provider.embeddingModel(vertx, options.embeddingsModelConfig()),
        provider.id() + "-" + options.getEmbeddingsModel(), options.getEmbeddingThreads());
  }

  /** Identifies the model; vectors stored under another id are computed again. */
  String modelId();

  /** Embeds several texts, in order. */
  Future<List<float[]>> embedAll(List<String> texts);

  /** Embeds one text. */
  default Future<float[]> embed(String text) {
    return embedAll(List.of(text)).map(list -> list.get(0));
  }

  /** Releases threads and the model. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
