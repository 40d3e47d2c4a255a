package io.harpou.bridge.vertx.memory.impl;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.vertx.memory.Embedder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Embeddings from a model provider's LangChain4j client (a server over HTTP), called on a small worker pool. */
public final class ModelEmbedder implements Embedder {

  private final EmbeddingModel model;
  private final String modelId;
  private final WorkerExecutor pool;

  /** Wraps {@code model}, whose vectors are stored under {@code modelId}. */
  public ModelEmbedder(Vertx vertx, EmbeddingModel model, String modelId, int threads) {
    this.model = model;
    this.modelId = modelId;
    this.pool = vertx.createSharedWorkerExecutor("harpou-remote-embeddings", threads, 2, TimeUnit.MINUTES);
  }

  @Override
  public String modelId() {
    return modelId;
  }

  @Override
  public Future<List<float[]>> embedAll(List<String> texts) {
    if (texts.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
    return pool.executeBlocking(() -> {
      List<float[]> out = new ArrayList<>(texts.size());
      model.embedAll(segments).content().forEach(e -> out.add(Vectors.normalize(e.vector())));
      if (out.size() != texts.size()) {
        throw new BridgeException("the embedding model returned " + out.size() + " vectors for " + texts.size()
            + " texts");
      }
      return out;
    }, false).recover(e -> Future.failedFuture(e instanceof BridgeException ? e
        : new BridgeException("embedding with " + modelId + " failed: " + e.getMessage(), e)));
  }

  @Override
  public Future<Void> close() {
    return pool.close();
  }
}
