package io.harpou.bridge.vertx.memory;

import io.harpou.bridge.vertx.memory.impl.MiniLmEmbedder;
import io.harpou.bridge.vertx.memory.impl.OllamaEmbedder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * Turns text into unit-length vectors. Futures complete on the caller's context and fail with
 * {@link io.harpou.bridge.api.BridgeException} when the model cannot be loaded or reached.
 */
public interface Embedder {

  /** The in-process all-MiniLM-L6-v2 model, or Ollama's {@code /api/embed} when {@code embeddings.ollama_url} is set. */
  static Embedder create(Vertx vertx, MemoryOptions options) {
    return options.getEmbeddingsOllamaUrl() == null
        ? new MiniLmEmbedder(vertx, options.getEmbeddingThreads())
        : new OllamaEmbedder(vertx, options.getEmbeddingsOllamaUrl(), options.getEmbeddingsModel());
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
