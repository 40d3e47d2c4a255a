package io.harpou.bridge.vertx.artifact.impl;

import io.harpou.bridge.api.artifact.Artifact;
import io.harpou.bridge.api.artifact.ArtifactException;
import io.harpou.bridge.api.artifact.ArtifactException.Reason;
import io.harpou.bridge.api.artifact.ArtifactMetadata;
import io.harpou.bridge.api.artifact.ArtifactStore;
import io.harpou.bridge.vertx.artifact.ArtifactBackend;
import io.harpou.bridge.vertx.artifact.ArtifactOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store every backend shares: an index of the records read at start, so finding, listing and the quota need no
 * trip to the storage; ids computed from the bytes; writes one at a time, so the quota is exact and two puts of the
 * same bytes store them once; every read checked against its id, so bytes changed behind the store's back are never
 * served; and a periodic sweep of what has expired. Storage calls run on a small pool of worker threads.
 */
public final class IndexedArtifactStore implements ArtifactStore {

  private static final Logger LOG = LoggerFactory.getLogger(IndexedArtifactStore.class);
  private static final int WORKERS = 4;
  private static final int MAX_LIST = 500;

  private final Vertx vertx;
  private final ArtifactOptions options;
  private final ArtifactBackend backend;
  private final WorkerExecutor workers;
  private Future<Void> closing;
  private final Map<String, Artifact> index = new ConcurrentHashMap<>();
  private final Object writes = new Object();
  private volatile long used;
  private long sweepTimer = -1;

  private IndexedArtifactStore(Vertx vertx, ArtifactOptions options, ArtifactBackend backend) {
    this.vertx = vertx;
    this.options = options;
    this.backend = backend;
    this.workers = vertx.createSharedWorkerExecutor("harpou-artifacts", WORKERS);
  }

  /** Reads every record, sweeps, and starts the periodic sweep. */
  public static Future<ArtifactStore> open(Vertx vertx, ArtifactOptions options, ArtifactBackend backend) {
    IndexedArtifactStore store = new IndexedArtifactStore(vertx, options, backend);
    return store.blocking(store::load).compose(v -> store.sweep()).<ArtifactStore>map(swept -> {
      store.sweepTimer = vertx.setPeriodic(options.getSweepInterval().toMillis(), t -> store.sweep());
      return store;
    }).onFailure(e -> store.close());
  }

  private Void load() throws IOException {
    long total = 0;
    for (JsonObject record : backend.records()) {
      try {
        Artifact artifact = Artifact.fromJson(record);
        index.put(artifact.id(), artifact);
        total += artifact.size();
      } catch (RuntimeException unreadable) {
        LOG.warn("Skipping an unreadable artifact record: {}", unreadable.getMessage());
      }
    }
    used = total;
    LOG.info("{} artifacts, {} bytes, in {}", index.size(), total, backend.describe());
    return null;
  }

  @Override
  public Future<Artifact> put(Buffer content, ArtifactMetadata metadata) {
    if (content.length() > options.getMaxArtifactBytes()) {
      return Future.failedFuture(tooLarge());
    }
    return blocking(() -> store(content, metadata));
  }

  @Override
  public Future<Artifact> put(ReadStream<Buffer> content, ArtifactMetadata metadata) {
    return BoundedRead.collect(content, options.getMaxArtifactBytes(), this::tooLarge)
        .compose(bytes -> put(bytes, metadata));
  }

  private Artifact store(Buffer content, ArtifactMetadata metadata) throws IOException {
    String id = ContentIds.of(content);
    Instant now = Instant.now();
    Instant end = now.plus(retention(metadata.retention()));
    synchronized (writes) {
      Artifact kept = index.get(id);
      if (kept != null && !kept.expiredAt(now)) {
        if (!end.isAfter(kept.expiresAt())) {
          return kept;
        }
        Artifact extended = new Artifact(id, kept.size(), kept.createdAt(), end, kept.metadata());
        backend.writeRecord(id, extended.toJson());
        index.put(id, extended);
        return extended;
      }
      long wanted = used - (kept == null ? 0 : kept.size()) + content.length();
      if (wanted > options.getQuotaBytes()) {
        throw new ArtifactException(Reason.QUOTA_EXCEEDED, "the artifact store is full (" + used + " of "
            + options.getQuotaBytes() + " bytes used); delete artifacts or raise artifacts.quota_bytes");
      }
      // The end is what counts once stored; the retention asked for is not kept.
      Artifact artifact = new Artifact(id, content.length(), now, end, metadata.withRetention(null));
      backend.writeContent(id, content, metadata.contentType());
      backend.writeRecord(id, artifact.toJson());
      index.put(id, artifact);
      used = wanted;
      return artifact;
    }
  }

  private Duration retention(Duration asked) {
    Duration keep = asked == null ? options.getRetention() : asked;
    return keep.compareTo(options.getMaxRetention()) > 0 ? options.getMaxRetention() : keep;
  }

  @Override
  public Future<Optional<Artifact>> find(String id) {
    return Future.succeededFuture(live(id));
  }

  private Optional<Artifact> live(String id) {
    if (!ArtifactStore.isId(id)) {
      return Optional.empty();
    }
    return Optional.ofNullable(index.get(id)).filter(a -> !a.expiredAt(Instant.now()));
  }

  @Override
  public Future<Buffer> read(String id) {
    if (live(id).isEmpty()) {
      return Future.failedFuture(ArtifactException.notFound(id));
    }
    return blocking(() -> {
      Buffer bytes = backend.readContent(id);
      if (!ContentIds.of(bytes).equals(id)) {
        LOG.warn("Artifact {} was changed in its storage; refusing to serve it", id);
        throw new ArtifactException(Reason.UNAVAILABLE, "artifact " + id + " no longer matches its id");
      }
      return bytes;
    });
  }

  @Override
  public Future<List<Artifact>> list(String conversationId, int limit) {
    if (limit < 1 || limit > MAX_LIST) {
      return Future.failedFuture(new IllegalArgumentException("limit must be 1 to " + MAX_LIST));
    }
    Instant now = Instant.now();
    return Future.succeededFuture(index.values().stream()
        .filter(a -> !a.expiredAt(now))
        .filter(a -> conversationId == null || conversationId.equals(a.metadata().conversationId()))
        .sorted(Comparator.comparing(Artifact::createdAt).reversed().thenComparing(Artifact::id))
        .limit(limit).toList());
  }

  @Override
  public Future<Boolean> delete(String id) {
    if (!ArtifactStore.isId(id)) {
      return Future.succeededFuture(false);
    }
    return blocking(() -> remove(id));
  }

  private boolean remove(String id) throws IOException {
    synchronized (writes) {
      Artifact gone = index.get(id);
      if (gone == null) {
        return false;
      }
      backend.delete(id);
      index.remove(id);
      used -= gone.size();
      return true;
    }
  }

  /** Deletes every expired artifact; the number deleted. */
  Future<Integer> sweep() {
    Instant now = Instant.now();
    List<String> expired = index.values().stream().filter(a -> a.expiredAt(now)).map(Artifact::id).toList();
    if (expired.isEmpty()) {
      return Future.succeededFuture(0);
    }
    return blocking(() -> {
      int count = 0;
      for (String id : expired) {
        count += remove(id) ? 1 : 0;
      }
      LOG.info("Deleted {} expired artifacts", count);
      return count;
    }).onFailure(e -> LOG.warn("Sweeping expired artifacts failed: {}", e.getMessage()));
  }

  @Override
  public long usedBytes() {
    return used;
  }

  @Override
  public long quotaBytes() {
    return options.getQuotaBytes();
  }

  @Override
  public String describe() {
    return backend.describe() + ", " + index.size() + " artifacts, " + used + " of " + options.getQuotaBytes()
        + " bytes";
  }

  /**
   * Stops sweeping; the Future completes once the backend has released its connections and the workers stopped.
   * Closing again returns the same Future.
   */
  @Override
  public synchronized Future<Void> close() {
    if (closing == null) {
      vertx.cancelTimer(sweepTimer);
      try {
        closing = workers.executeBlocking(() -> {
          backend.close();
          return null;
        }, false).<Void>mapEmpty().eventually(workers::close);
      } catch (RejectedExecutionException e) {
        // Vert.x has stopped its workers already: nothing else runs on them, so release the backend here.
        backend.close();
        closing = Future.succeededFuture();
      }
    }
    return closing;
  }

  private ArtifactException tooLarge() {
    return new ArtifactException(Reason.TOO_LARGE, "an artifact may hold at most " + options.getMaxArtifactBytes()
        + " bytes (artifacts.max_artifact_bytes)");
  }

  private <T> Future<T> blocking(Callable<T> work) {
    return workers.executeBlocking(work, false).recover(e -> Future.failedFuture(e instanceof ArtifactException
        ? e : new ArtifactException(Reason.UNAVAILABLE, "the artifact storage failed: " + e.getMessage(), e)));
  }
}
