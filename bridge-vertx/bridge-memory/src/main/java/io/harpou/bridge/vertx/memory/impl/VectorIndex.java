package io.harpou.bridge.vertx.memory.impl;

import io.harpou.bridge.vertx.memory.MemoryStorage.StoredVector;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;

/**
 * Where vectors are searched: in this process, or in a Chroma server. The database keeps every vector as well, so a
 * backend can always be rebuilt from it.
 */
interface VectorIndex {

  /** A match, with its cosine similarity. */
  record Hit(String id, double similarity) {
  }

  /** Prepares the backend for vectors of {@code modelId} given those the database holds for it. */
  Future<Void> open(String modelId, List<StoredVector> stored);

  /** Adds or replaces vectors. */
  Future<Void> upsert(List<StoredVector> entries);

  /** Removes vectors by id (unknown ids are ignored). */
  Future<Void> remove(Collection<String> ids);

  /** The {@code k} most similar vectors of a kind, most similar first. */
  Future<List<Hit>> search(float[] query, String kind, int k);

  /** Releases the backend. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
