package io.harpou.bridge.vertx.memory.impl;

import io.harpou.bridge.vertx.memory.MemoryStorage.StoredVector;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exact cosine search over vectors kept in this process (loaded from the database at start), one matrix per kind.
 * Small matrices are searched on the caller's thread; larger ones on a worker, so an event loop never spends more
 * than a fraction of a millisecond on a search.
 */
final class InMemoryVectorIndex implements VectorIndex {

  /** Up to this many floats (about 0.2 ms of dot products), a search runs on the caller. */
  static final long INLINE_FLOATS = 500_000;

  private final Vertx vertx;
  private final Map<String, VectorMatrix> byKind = new ConcurrentHashMap<>();

  InMemoryVectorIndex(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public Future<Void> open(String modelId, List<StoredVector> stored) {
    byKind.clear();
    put(stored);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> upsert(List<StoredVector> entries) {
    try {
      put(entries);
      return Future.succeededFuture();
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
  }

  private void put(List<StoredVector> entries) {
    for (StoredVector entry : entries) {
      byKind.forEach((kind, matrix) -> {
        if (!kind.equals(entry.kind())) {
          matrix.remove(entry.id());
        }
      });
      byKind.computeIfAbsent(entry.kind(), k -> new VectorMatrix()).put(entry.id(), entry.vector());
    }
  }

  @Override
  public Future<Void> remove(Collection<String> ids) {
    byKind.values().forEach(matrix -> ids.forEach(matrix::remove));
    return Future.succeededFuture();
  }

  @Override
  public Future<List<Hit>> search(float[] query, String kind, int k) {
    VectorMatrix matrix = byKind.get(kind);
    if (matrix == null) {
      return Future.succeededFuture(List.of());
    }
    if ((long) matrix.size() * query.length <= INLINE_FLOATS) {
      return Future.succeededFuture(matrix.top(query, k));
    }
    return vertx.executeBlocking(() -> matrix.top(query, k), false);
  }
}
