package io.harpou.bridge.vertx.memory.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/** Exact cosine search over vectors kept in memory (loaded from the database at start); searches run on a worker. */
final class InMemoryVectorIndex implements VectorIndex {

  private final Vertx vertx;
  private final Map<String, Map<String, float[]>> byKind = new ConcurrentHashMap<>();

  InMemoryVectorIndex(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public Future<Void> open(String modelId, List<Entry> stored) {
    byKind.clear();
    put(stored);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> upsert(List<Entry> entries) {
    put(entries);
    return Future.succeededFuture();
  }

  private void put(List<Entry> entries) {
    for (Entry entry : entries) {
      byKind.values().forEach(map -> map.remove(entry.id()));
      byKind.computeIfAbsent(entry.kind(), k -> new ConcurrentHashMap<>()).put(entry.id(), entry.vector());
    }
  }

  @Override
  public Future<Void> remove(Collection<String> ids) {
    byKind.values().forEach(map -> ids.forEach(map::remove));
    return Future.succeededFuture();
  }

  @Override
  public Future<List<Hit>> search(float[] query, String kind, int k) {
    return vertx.executeBlocking(() -> searchNow(query, kind, k), false);
  }

  /** The search itself, on the calling thread. */
  List<Hit> searchNow(float[] query, String kind, int k) {
    Map<String, float[]> vectors = byKind.getOrDefault(kind, Map.of());
    PriorityQueue<Hit> best = new PriorityQueue<>(k + 1, (a, b) -> Double.compare(a.similarity(), b.similarity()));
    for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
      double similarity = Vectors.dot(query, entry.getValue());
      if (best.size() < k) {
        best.add(new Hit(entry.getKey(), similarity));
      } else if (similarity > best.peek().similarity()) {
        best.poll();
        best.add(new Hit(entry.getKey(), similarity));
      }
    }
    List<Hit> out = new ArrayList<>(best);
    out.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
    return out;
  }
}
