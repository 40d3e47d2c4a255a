package io.harpou.bridge.vertx.memory.impl;

import io.harpou.bridge.api.memory.Memory;
import io.harpou.bridge.api.memory.MemoryScope;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.memory.MemoryStorage;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The memory's rows in the embedded database, with FTS5 for words; one process writes them, and its writes are
 * serialised by the database's single writer, so a remember reads and writes under one transaction.
 */
public final class SqliteMemoryStorage implements MemoryStorage {

  private final Database db;

  /** The memory's tables in {@code db}. */
  public SqliteMemoryStorage(Database db) {
    this.db = db;
  }

  @Override
  public Future<Void> migrate() {
    return db.migrate("memory", MemoryTables.MIGRATIONS).mapEmpty();
  }

  @Override
  public String describe() {
    return "the embedded database";
  }

  @Override
  public Future<List<StoredText>> unembedded(String model) {
    return db.run(c -> MemoryTables.stale(c, model));
  }

  @Override
  public Future<Void> putVectors(String model, List<StoredVector> vectors) {
    return db.transaction(c -> {
      for (StoredVector v : vectors) {
        MemoryTables.putVector(c, v.id(), v.kind(), model, v.vector());
      }
      return null;
    });
  }

  @Override
  public Future<List<StoredVector>> vectors(String model) {
    return db.run(c -> MemoryTables.vectors(c, model));
  }

  @Override
  public Future<Decision> store(Memory fresh, String origin, String model, float[] vector, Lookup lookup,
                                Function<List<Memory>, Decision> decide) {
    Instant now = Instant.now();
    return db.transaction(c -> {
      Set<String> ids = new LinkedHashSet<>(lookup.nearIds());
      Set<MemoryScope> scope = Set.of(fresh.scope());
      if (!lookup.words().isEmpty()) {
        ids.addAll(MemoryTables.search(c, FtsQuery.anyOf(lookup.words()), scope, fresh.subject(), now, 20));
      }
      if (!lookup.subjectWords().isEmpty()) {
        ids.addAll(MemoryTables.search(c, FtsQuery.anyOf(lookup.subjectWords()), scope, fresh.subject(), now, 50));
      }
      List<Memory> known = MemoryTables.byIds(c, ids, scope, fresh.subject(), now).values().stream()
          .filter(m -> Objects.equals(m.subject(), fresh.subject())).toList();
      Decision decision = decide.apply(known);
      if (decision.duplicateOf() == null) {
        MemoryTables.delete(c, decision.replaced().stream().map(Memory::id).toList());
        MemoryTables.insert(c, fresh, origin, vector, model);
      }
      return decision;
    });
  }

  @Override
  public Future<List<String>> delete(Collection<String> ids) {
    return ids.isEmpty() ? Future.succeededFuture(List.of()) : db.transaction(c -> MemoryTables.delete(c, ids));
  }

  @Override
  public Future<List<Memory>> list(MemoryScope scope, int limit, Instant now) {
    return db.run(c -> MemoryTables.list(c, scope, limit, now));
  }

  @Override
  public Future<Map<String, Memory>> byIds(Collection<String> ids, Set<MemoryScope> scopes, String subject,
                                           Instant now) {
    return db.run(c -> MemoryTables.byIds(c, ids, scopes, subject, now));
  }

  @Override
  public Future<List<String>> searchMemories(List<String> terms, Set<MemoryScope> scopes, String subject,
                                             Instant now, int limit) {
    return db.run(c -> MemoryTables.search(c, FtsQuery.bounded(c, "memories_fts", terms), scopes, subject, now,
        limit));
  }

  @Override
  public Future<List<String>> idsInScope(MemoryScope scope, String subject) {
    return db.run(c -> MemoryTables.idsInScope(c, scope, subject));
  }

  @Override
  public Future<List<String>> expired(Instant now) {
    return db.run(c -> MemoryTables.expired(c, now));
  }

  @Override
  public Future<Map<String, String>> documentHashes() {
    return db.run(DocumentTables::hashes);
  }

  @Override
  public Future<List<String>> removeDocument(String file) {
    return db.transaction(c -> DocumentTables.remove(c, file));
  }

  @Override
  public Future<List<String>> replaceDocument(String file, String hash, int pages, List<Chunk> chunks,
                                              List<float[]> vectors, String model) {
    return db.transaction(c -> {
      List<String> old = DocumentTables.remove(c, file);
      DocumentTables.add(c, file, hash, pages, chunks, vectors, model);
      return old;
    });
  }

  @Override
  public Future<List<String>> searchChunks(List<String> terms, int limit) {
    return db.run(c -> DocumentTables.search(c, FtsQuery.bounded(c, "document_chunks_fts", terms), limit));
  }

  @Override
  public Future<Map<String, Chunk>> chunks(Collection<String> ids) {
    return db.run(c -> DocumentTables.chunks(c, ids));
  }

  @Override
  public Future<List<IndexedFile>> files() {
    return db.run(DocumentTables::files);
  }
}
