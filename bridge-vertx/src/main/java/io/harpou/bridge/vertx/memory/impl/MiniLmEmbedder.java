package io.harpou.bridge.vertx.memory.impl;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.vertx.memory.Embedder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * all-MiniLM-L6-v2 through ONNX in this process. The model loads once per JVM on first use (about 2.6 s), on the
 * embedding pool, whose size bounds how many texts are embedded at once.
 */
public final class MiniLmEmbedder implements Embedder {

  private static final Logger LOG = LoggerFactory.getLogger(MiniLmEmbedder.class);

  // One model per JVM: it is immutable and thread-safe once loaded, and weighs about 90 MB.
  private static volatile AllMiniLmL6V2EmbeddingModel model;

  private final WorkerExecutor pool;

  /** Creates the embedder; nothing loads until the first text. */
  public MiniLmEmbedder(Vertx vertx, int threads) {
    this.pool = vertx.createSharedWorkerExecutor("harpou-embeddings", threads, 5, TimeUnit.MINUTES);
  }

  @Override
  public String modelId() {
    return "all-minilm-l6-v2";
  }

  @Override
  public Future<List<float[]>> embedAll(List<String> texts) {
    if (texts.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return pool.<List<float[]>>executeBlocking(() -> {
      List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
      List<float[]> out = new ArrayList<>(texts.size());
      for (Embedding embedding : model().embedAll(segments).content()) {
        out.add(Vectors.normalize(embedding.vector()));
      }
      return out;
    }, false).recover(e -> Future.failedFuture(e instanceof BridgeException ? e
        : new BridgeException("embedding failed: " + e.getMessage(), e)));
  }

  private static AllMiniLmL6V2EmbeddingModel model() {
    AllMiniLmL6V2EmbeddingModel loaded = model;
    if (loaded == null) {
      synchronized (MiniLmEmbedder.class) {
        if (model == null) {
          long start = System.nanoTime();
          // The calling worker runs the inference itself, so the pool's size is the only bound on threads.
          model = new AllMiniLmL6V2EmbeddingModel(Runnable::run);
          LOG.info("Embedding model all-MiniLM-L6-v2 loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
        }
        loaded = model;
      }
    }
    return loaded;
  }

  @Override
  public Future<Void> close() {
    return pool.close();
  }
}
