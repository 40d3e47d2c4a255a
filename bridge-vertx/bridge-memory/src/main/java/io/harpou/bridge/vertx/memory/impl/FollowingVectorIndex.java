package io.harpou.bridge.vertx.memory.impl;

import io.harpou.bridge.vertx.memory.MemoryStorage;
import io.harpou.bridge.vertx.memory.MemoryStorage.StoredVector;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Collection;
import java.util.List;

/**
 * A vector index that follows a storage other hubs write to: before each search it applies the vectors written and
 * removed since the last search, so a memory remembered on one hub is found by meaning on every other at once. Searches
 * arriving while such a catch-up runs share the next one, so the storage is asked once per burst, never once per
 * search waiting in line.
 */
final class FollowingVectorIndex implements VectorIndex {

  private final VectorIndex index;
  private final MemoryStorage storage;
  private String model;
  private Future<Void> running;
  private Promise<Void> next;

  FollowingVectorIndex(VectorIndex index, MemoryStorage storage) {
    this.index = index;
    this.storage = storage;
  }

  @Override
  public Future<Void> open(String modelId, List<StoredVector> stored) {
    this.model = modelId;
    return index.open(modelId, stored);
  }

  @Override
  public Future<Void> upsert(List<StoredVector> entries) {
    return index.upsert(entries);
  }

  @Override
  public Future<Void> remove(Collection<String> ids) {
    return index.remove(ids);
  }

  @Override
  public Future<List<Hit>> search(float[] query, String kind, int k) {
    return catchUp().compose(v -> index.search(query, kind, k));
  }

  /**
   * A catch-up that starts after this call (the running one may have read the storage before the caller's write):
   * the one queued behind the running one, shared by every caller until it starts.
   */
  private synchronized Future<Void> catchUp() {
    if (next != null) {
      return next.future();
    }
    Promise<Void> queued = Promise.promise();
    next = queued;
    (running == null ? Future.<Void>succeededFuture() : running).onComplete(ignored -> pull(queued));
    return queued.future();
  }

  private void pull(Promise<Void> queued) {
    Future<Void> pulled;
    synchronized (this) {
      next = null;
      pulled = storage.changes(model).compose(changes -> index.remove(changes.removed())
          .compose(v -> index.upsert(changes.written())));
      running = pulled;
    }
    pulled.onComplete(queued);
  }

  @Override
  public Future<Void> close() {
    return index.close();
  }
}
