package io.harpou.bridge.vertx.memory.impl;

import io.harpou.bridge.vertx.memory.Embedder;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The vectors of recent queries, least recently used dropped first. A turn often asks the same thing more than once
 * (the agent's prompt recall, then the model's own memory_recall with the user's words), and embedding is most of a
 * recall's cost, so a repeated query skips the model.
 */
final class QueryVectors {

  private final Embedder embedder;
  private final Map<String, float[]> recent;

  QueryVectors(Embedder embedder, int capacity) {
    this.embedder = embedder;
    this.recent = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The vector of {@code text}, from the cache or the embedder. */
  Future<float[]> of(String text) {
    String key = text.strip();
    float[] known;
    synchronized (recent) {
      known = recent.get(key);
    }
    if (known != null) {
      return Future.succeededFuture(known);
    }
    return embedder.embed(key).onSuccess(vector -> {
      synchronized (recent) {
        recent.put(key, vector);
      }
    });
  }
}
