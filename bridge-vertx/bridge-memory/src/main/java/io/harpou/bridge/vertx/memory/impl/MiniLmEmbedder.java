package io.harpou.bridge.vertx.memory.impl;

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
 * all-MiniLM-L6-v2, quantized to 8 bits, through ONNX in this process. The model loads once per JVM on first use, on
 * the embedding pool. Each worker of the pool embeds one list of texts at a time on one ONNX thread, so the pool's
 * size is the number of cores embedding takes; a long list is cut into lists spread over the pool.
 */
public final class MiniLmEmbedder implements Embedder {

  private static final Logger LOG = LoggerFactory.getLogger(MiniLmEmbedder.class);

  /** Texts per task given to the pool. */
  private static final int BATCH = 32;
  // One model per JVM: it is immutable and thread-safe once loaded, and weighs about 23 MB.
  private static volatile MiniLmModel model;

  private final WorkerExecutor pool;

  /** Creates the embedder; nothing loads until the first text. */
  public MiniLmEmbedder(Vertx vertx, int threads) {
    this.pool = vertx.createSharedWorkerExecutor("harpou-embeddings", threads, 5, TimeUnit.MINUTES);
  }

  @Override
  public String modelId() {
    // Its own id, not the full model's: vectors stored by the full model are embedded again once, at start.
    return "all-minilm-l6-v2-q";
  }

  @Override
  public Future<List<float[]>> embedAll(List<String> texts) {
    if (texts.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    List<Future<List<float[]>>> batches = new ArrayList<>();
    for (int from = 0; from < texts.size(); from += BATCH) {
      List<String> batch = List.copyOf(texts.subList(from, Math.min(texts.size(), from + BATCH)));
      batches.add(pool.executeBlocking(() -> model().embed(batch), false));
    }
    return Future.all(batches).<List<float[]>>map(all -> {
      List<float[]> out = new ArrayList<>(texts.size());
      batches.forEach(batch -> out.addAll(batch.result()));
      return out;
    }).recover(e -> Future.failedFuture(e instanceof BridgeException ? e
        : new BridgeException("embedding failed: " + e.getMessage(), e)));
  }

  private static MiniLmModel model() throws Exception {
    MiniLmModel loaded = model;
    if (loaded == null) {
      synchronized (MiniLmEmbedder.class) {
        if (model == null) {
          long start = System.nanoTime();
          model = new MiniLmModel(1);
          LOG.info("Embedding model all-MiniLM-L6-v2 (quantized) loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
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
