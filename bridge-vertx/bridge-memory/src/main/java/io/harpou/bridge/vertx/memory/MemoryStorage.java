package io.harpou.bridge.vertx.memory;

import io.harpou.bridge.api.memory.Memory;
import io.harpou.bridge.api.memory.MemoryScope;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.memory.impl.SqliteMemoryStorage;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Where the memory keeps its rows: memories, document chunks, their word index and their vectors. The embedded
 * database is the default; a database several hubs share implements it too, and then reports through
 * {@link #changes} what the other hubs wrote, so each hub's vector index learns of it. Futures fail with
 * {@link io.harpou.bridge.api.BridgeException}.
 */
public interface MemoryStorage {

  /** The kind of a memory's vector. */
  String MEMORY = "memory";
  /** The kind of a document chunk's vector. */
  String CHUNK = "chunk";

  /** One stored vector: {@code kind} is {@link #MEMORY} or {@link #CHUNK}. */
  record StoredVector(String id, String kind, float[] vector) {
  }

  /** A memory's or a chunk's text, for re-embedding. */
  record StoredText(String id, String kind, String text) {
  }

  /** One chunk of an indexed document. */
  record Chunk(String id, String file, int page, int ordinal, String text) {
  }

  /** An indexed document. */
  record IndexedFile(String file, int pages, int chunks, Instant indexedAt) {
  }

  /** What a new memory does: repeats a known one (then nothing is written), or replaces those it contradicts. */
  record Decision(Memory duplicateOf, List<Memory> replaced) {
  }

  /**
   * Where to look for the known memories a new one may repeat or contradict, within its scope and subject: the ids of
   * its nearest vectors, memories sharing any of {@code words}, and memories sharing any of {@code subjectWords}.
   */
  record Lookup(Collection<String> nearIds, List<String> words, List<String> subjectWords) {
  }

  /** Vectors other hubs wrote or removed since the last call. */
  record Changes(List<StoredVector> written, List<String> removed) {
    /** No change. */
    public static final Changes NONE = new Changes(List.of(), List.of());
  }

  /** The memory's tables in the embedded database. */
  static MemoryStorage embedded(Database database) {
    return new SqliteMemoryStorage(database);
  }

  /** Creates or migrates the tables. */
  Future<Void> migrate();

  /** What this storage is, for logs and {@code /health}. */
  String describe();

  /** Whether other hubs write to the same rows (then {@link #changes} reports what they did). */
  default boolean shared() {
    return false;
  }

  /**
   * The vectors written and removed by anyone since the previous call (or since {@link #vectors}); calls never
   * overlap. A storage no other hub writes to returns {@link Changes#NONE}.
   */
  default Future<Changes> changes(String model) {
    return Future.succeededFuture(Changes.NONE);
  }

  // Vectors

  /** Memories and chunks that have no vector from {@code model}. */
  Future<List<StoredText>> unembedded(String model);

  /** Adds or replaces vectors, in one transaction. */
  Future<Void> putVectors(String model, List<StoredVector> vectors);

  /** Every vector from {@code model}. */
  Future<List<StoredVector>> vectors(String model);

  // Memories

  /**
   * In one transaction, and exclusively of any other write of the same scope and subject: reads the known memories
   * {@code lookup} finds, asks {@code decide} about them, and unless the new memory repeats one, deletes those it
   * replaces and inserts it with its word index and vector.
   */
  Future<Decision> store(Memory fresh, String origin, String model, float[] vector, Lookup lookup,
                         Function<List<Memory>, Decision> decide);

  /** Deletes memories with their word index and vectors; returns the ids that existed. */
  Future<List<String>> delete(Collection<String> ids);

  /** Live memories, newest first, of one scope or all. */
  Future<List<Memory>> list(MemoryScope scope, int limit, Instant now);

  /** Live memories by id, restricted to some scopes (all when empty) and a subject (any when null), in id order. */
  Future<Map<String, Memory>> byIds(Collection<String> ids, Set<MemoryScope> scopes, String subject, Instant now);

  /** Ids of live memories matching the content words {@code terms}, best first. */
  Future<List<String>> searchMemories(List<String> terms, Set<MemoryScope> scopes, String subject, Instant now,
                                      int limit);

  /** Ids of memories of a scope (and subject when not null). */
  Future<List<String>> idsInScope(MemoryScope scope, String subject);

  /** Ids of memories whose expiry has passed. */
  Future<List<String>> expired(Instant now);

  // Documents

  /** The content hash of every indexed file. */
  Future<Map<String, String>> documentHashes();

  /** Removes a file and its chunks; returns the ids of the chunks removed. */
  Future<List<String>> removeDocument(String file);

  /** Replaces a file's chunks and vectors in one transaction; returns the ids of the chunks it had. */
  Future<List<String>> replaceDocument(String file, String hash, int pages, List<Chunk> chunks,
                                       List<float[]> vectors, String model);

  /** Ids of chunks matching the content words {@code terms}, best first. */
  Future<List<String>> searchChunks(List<String> terms, int limit);

  /** Chunks by id. */
  Future<Map<String, Chunk>> chunks(Collection<String> ids);

  /** The indexed files, by name. */
  Future<List<IndexedFile>> files();
}
