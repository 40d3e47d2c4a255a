package io.harpou.bridge.vertx.memory.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.memory.Memory;
import io.harpou.bridge.api.memory.MemoryQuery;
import io.harpou.bridge.api.memory.MemoryScope;
import io.harpou.bridge.api.memory.Passage;
import io.harpou.bridge.api.memory.RecalledMemory;
import io.harpou.bridge.vertx.memory.DocumentLibrary;
import io.harpou.bridge.vertx.memory.Embedder;
import io.harpou.bridge.vertx.memory.FactExtractor;
import io.harpou.bridge.vertx.memory.MemoryOptions;
import io.harpou.bridge.vertx.memory.MemoryService;
import io.harpou.bridge.vertx.memory.MemoryStorage;
import io.harpou.bridge.vertx.memory.MemoryStorage.StoredText;
import io.harpou.bridge.vertx.memory.MemoryStorage.StoredVector;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The memory store over a storage and a vector index; writes are serialised so governance holds. */
public final class MemoryServiceImpl implements MemoryService {

  private static final Logger LOG = LoggerFactory.getLogger(MemoryServiceImpl.class);
  /** A request to forget matches a memory from this similarity (MiniLM: a paraphrase, not a neighbour topic). */
  static final double FORGET_SIMILARITY = 0.5;

  private final MemoryStorage storage;
  private final MemoryOptions options;
  private final Embedder embedder;
  private final VectorIndex index;
  private final HybridSearch search;
  private final DocumentLibraryImpl documents;
  private Future<?> writes = Future.succeededFuture();

  private MemoryServiceImpl(Vertx vertx, MemoryStorage storage, MemoryOptions options, Embedder embedder,
                            VectorIndex index) {
    this.storage = storage;
    this.options = options;
    this.embedder = embedder;
    this.index = index;
    this.search = new HybridSearch(embedder, index, options);
    this.documents = new DocumentLibraryImpl(vertx, storage, embedder, index, search, options);
  }

  /** Migrates, re-embeds what another model embedded, and opens the vector index. */
  public static Future<MemoryService> open(Vertx vertx, MemoryStorage storage, MemoryOptions options,
                                           Embedder embedder) {
    VectorIndex backend = options.getChromaUrl() == null ? new InMemoryVectorIndex(vertx)
        : new ChromaVectorIndex(vertx, options.getChromaUrl(), options.getChromaCollection());
    VectorIndex index = storage.shared() ? new FollowingVectorIndex(backend, storage) : backend;
    MemoryServiceImpl service = new MemoryServiceImpl(vertx, storage, options, embedder, index);
    return storage.migrate()
        .compose(v -> service.reembed())
        .compose(v -> storage.vectors(embedder.modelId()))
        .compose(stored -> index.open(embedder.modelId(), stored))
        .<MemoryService>map(service)
        .onFailure(e -> index.close());
  }

  private Future<Void> reembed() {
    String model = embedder.modelId();
    return storage.unembedded(model).compose(stale -> {
      if (stale.isEmpty()) {
        return Future.succeededFuture();
      }
      LOG.info("Embedding {} memories and passages with {}", stale.size(), model);
      Future<Void> chain = Future.succeededFuture();
      for (int from = 0; from < stale.size(); from += 256) {
        List<StoredText> batch = stale.subList(from, Math.min(stale.size(), from + 256));
        chain = chain.compose(v -> embedder.embedAll(batch.stream().map(StoredText::text).toList())
            .compose(vectors -> {
              List<StoredVector> rows = new ArrayList<>();
              for (int i = 0; i < batch.size(); i++) {
                rows.add(new StoredVector(batch.get(i).id(), batch.get(i).kind(), vectors.get(i)));
              }
              return storage.putVectors(model, rows);
            }));
      }
      return chain;
    });
  }

  @Override
  public String modelId() {
    return embedder.modelId();
  }

  @Override
  public DocumentLibrary documents() {
    return documents;
  }

  @Override
  public Future<Memory> remember(Memory memory) {
    return store(memory, "explicit");
  }

  private Future<Memory> store(Memory memory, String origin) {
    Objects.requireNonNull(memory, "memory");
    Instant now = Instant.now();
    Duration ttl = options.ttl(memory.scope());
    Memory fresh = new Memory(UUID.randomUUID().toString(), memory.text().strip(), memory.scope(), memory.subject(),
        memory.conversationId(), memory.source(), now,
        memory.expiresAt() != null || ttl == null ? memory.expiresAt() : now.plus(ttl));
    return serially(() -> embedder.embed(fresh.text())
        .compose(vector -> index.search(vector, MemoryStorage.MEMORY, 8)
            .compose(hits -> storage.store(fresh, origin, embedder.modelId(), vector, lookup(fresh, hits),
                known -> Governance.decide(fresh, known, hits, options.getDuplicateSimilarity())))
            .compose(decision -> {
              if (decision.duplicateOf() != null) {
                return Future.succeededFuture(decision.duplicateOf());
              }
              if (!decision.replaced().isEmpty()) {
                LOG.info("A new {} memory replaced {} older one(s) it contradicts", fresh.scope().jsonName(),
                    decision.replaced().size());
              }
              return index.remove(decision.replaced().stream().map(Memory::id).toList())
                  .compose(v -> index.upsert(List.of(new StoredVector(fresh.id(), MemoryStorage.MEMORY, vector))))
                  .map(fresh);
            })));
  }

  /**
   * Where the known memories a new one may repeat or contradict are: its nearest vectors, and those sharing words
   * with it or with the subject of its claim (a contradiction says something else about the same subject, so it
   * shares those words). This keeps a write independent of the size of the store.
   */
  private static MemoryStorage.Lookup lookup(Memory fresh, List<VectorIndex.Hit> hits) {
    List<String> about = Statements.claim(fresh.text()).map(claim -> FtsQuery.terms(claim.subject()))
        .orElse(List.of());
    return new MemoryStorage.Lookup(hits.stream().map(VectorIndex.Hit::id).toList(), FtsQuery.terms(fresh.text()),
        about);
  }

  @Override
  public Future<List<RecalledMemory>> recall(MemoryQuery query) {
    int depth = Math.max(query.limit() * 4, 20);
    // Vectors know no scope: when only some memories may be returned, look further so that enough of them are left.
    boolean filtered = !query.scopes().isEmpty() || query.subject() != null;
    int vectorDepth = filtered ? Math.max(depth * 10, 200) : depth;
    Instant now = Instant.now();
    return search.rank(query.text(), MemoryStorage.MEMORY, vectorDepth,
            terms -> storage.searchMemories(terms, query.scopes(), query.subject(), now, depth))
        .compose(ranked -> {
          // Read the memories in rank order, a few more than asked at a time: most are kept, so one read is enough.
          int step = filtered ? 100 : query.limit() * 2;
          return readRanked(ranked, 0, step, query, now, new ArrayList<>());
        });
  }

  private Future<List<RecalledMemory>> readRanked(List<HybridSearch.Scored> ranked, int from, int step,
                                                  MemoryQuery query, Instant now, List<RecalledMemory> out) {
    if (from >= ranked.size() || out.size() >= query.limit()) {
      return Future.succeededFuture(out);
    }
    List<HybridSearch.Scored> part = ranked.subList(from, Math.min(ranked.size(), from + step));
    return storage.byIds(part.stream().map(HybridSearch.Scored::id).toList(), query.scopes(), query.subject(), now)
        .compose(found -> {
          for (HybridSearch.Scored scored : part) {
            Memory m = found.get(scored.id());
            if (m != null && out.size() < query.limit()) {
              out.add(new RecalledMemory(m, scored.score()));
            }
          }
          return readRanked(ranked, from + step, step, query, now, out);
        });
  }

  @Override
  public Future<List<Passage>> searchDocuments(String text, int limit) {
    return documents.search(text, limit);
  }

  @Override
  public Future<List<JsonObject>> indexedDocuments() {
    return documents.files();
  }

  @Override
  public Future<List<Memory>> list(MemoryScope scope, int limit) {
    if (limit <= 0) {
      return Future.failedFuture(new IllegalArgumentException("list limit must be positive"));
    }
    return storage.list(scope, limit, Instant.now());
  }

  @Override
  public Future<Boolean> forget(String id) {
    if (id == null || id.isBlank()) {
      return Future.succeededFuture(false);
    }
    return deleteIds(() -> Future.succeededFuture(List.of(id))).map(n -> n > 0);
  }

  @Override
  public Future<Integer> forgetScope(MemoryScope scope, String subject) {
    Objects.requireNonNull(scope, "scope");
    return deleteIds(() -> storage.idsInScope(scope, subject));
  }

  @Override
  public Future<Integer> sweepExpired() {
    return deleteIds(() -> storage.expired(Instant.now()));
  }

  @Override
  public Future<List<Memory>> forgetMatching(String text, MemoryScope scope, String subject) {
    if (text == null || text.isBlank()) {
      return Future.succeededFuture(List.of());
    }
    Set<MemoryScope> scopes = scope == null ? Set.of() : Set.of(scope);
    Instant now = Instant.now();
    return search.closest(text, MemoryStorage.MEMORY, 5).compose(hits -> storage.byIds(
        hits.stream().map(VectorIndex.Hit::id).toList(), scopes, subject, now).map(found -> {
      List<Memory> chosen = new ArrayList<>();
      double best = -1;
      for (VectorIndex.Hit hit : hits) {
        Memory m = found.get(hit.id());
        if (m == null || hit.similarity() < FORGET_SIMILARITY) {
          continue;
        }
        if (best < 0) {
          best = hit.similarity();
          chosen.add(m);
        } else if (hit.similarity() >= Math.min(best, options.getDuplicateSimilarity())) {
          chosen.add(m);
        }
      }
      return chosen;
    })).compose(chosen -> deleteIds(() -> Future.succeededFuture(chosen.stream().map(Memory::id).toList()))
        .map(chosen));
  }

  @Override
  public Future<List<Memory>> learn(Utterance utterance, FactExtractor extractor) {
    return extractor.extract(utterance).compose(facts -> {
      List<Memory> stored = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (Memory fact : facts) {
        Memory sourced = new Memory(null, fact.text(), fact.scope(),
            fact.subject() != null ? fact.subject() : defaultSubject(fact.scope(), utterance),
            utterance.conversationId(), utterance.user(), null, fact.expiresAt());
        chain = chain.compose(v -> store(sourced, "conversation").onSuccess(stored::add).mapEmpty());
      }
      return chain.map(v -> List.copyOf(stored));
    });
  }

  private static String defaultSubject(MemoryScope scope, Utterance utterance) {
    return switch (scope) {
      case PERSON -> utterance.user();
      case ROOM -> utterance.room();
      case HOUSEHOLD -> null;
    };
  }

  private Future<Integer> deleteIds(Supplier<Future<List<String>>> ids) {
    return serially(() -> ids.get().compose(storage::delete)
        .compose(deleted -> index.remove(deleted).map(deleted.size())));
  }

  private synchronized <T> Future<T> serially(Supplier<Future<T>> work) {
    Future<T> next = writes.transform(ignored -> {
      try {
        return work.get();
      } catch (RuntimeException e) {
        return Future.failedFuture(e);
      }
    });
    writes = next;
    return next.recover(e -> Future.failedFuture(e instanceof BridgeException || e instanceof IllegalArgumentException
        ? e : new BridgeException("memory store error: " + e.getMessage(), e)));
  }

  @Override
  public Future<Void> close() {
    return index.close().eventually(embedder::close);
  }
}
