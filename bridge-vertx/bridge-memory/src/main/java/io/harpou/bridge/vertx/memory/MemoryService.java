package io.harpou.bridge.vertx.memory;

import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.memory.Memory;
import io.harpou.bridge.api.memory.MemoryScope;
import io.harpou.bridge.api.memory.MemoryStore;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.memory.impl.MemoryServiceImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * The hub's {@link MemoryStore}, with the governance and the documents around it: memories and document chunks live in
 * the embedded database with full-text search, vectors in memory or in Chroma, and recall fuses both rankings.
 * Futures complete on the caller's context and fail with {@link io.harpou.bridge.api.BridgeException}.
 *
 * <p>Governance: {@link #remember} always stores what it is given, except that a near-duplicate of a known memory
 * (same scope and subject, cosine similarity at or above {@link MemoryOptions#getDuplicateSimilarity()}, or the same
 * words) returns the known one, and a statement that gives another value to the same subject in a relation that holds
 * one value at a time replaces the older one: a name ("the cat is called Pixel" after "... Mochi"), a home, a place, a
 * preferred setting ("likes the living room at 19 degrees"), a code or a favourite. Descriptions that can all be true
 * ("the cat is grey", "the cat is old"; "likes tea", "likes coffee") are all kept.
 * {@link #learn} stores facts an LLM extracted from a conversation under the same rules.
 */
public interface MemoryService extends MemoryStore {

  /** Opens the store on {@code database} (migrating its tables), loading vectors and re-embedding stale ones. */
  static Future<MemoryService> open(Vertx vertx, Database database, MemoryOptions options) {
    return open(vertx, MemoryStorage.embedded(database), options);
  }

  /** Opens the store on {@code database} with a given embedder (tests, embedding applications). */
  static Future<MemoryService> open(Vertx vertx, Database database, MemoryOptions options, Embedder embedder) {
    return open(vertx, MemoryStorage.embedded(database), options, embedder);
  }

  /** Opens the store on {@code storage} (migrating its tables), loading vectors and re-embedding stale ones. */
  static Future<MemoryService> open(Vertx vertx, MemoryStorage storage, MemoryOptions options) {
    return open(vertx, storage, options, Embedder.create(vertx, options));
  }

  /** Opens the store on {@code storage} with a given embedder. */
  static Future<MemoryService> open(Vertx vertx, MemoryStorage storage, MemoryOptions options, Embedder embedder) {
    return MemoryServiceImpl.open(vertx, storage, options, embedder);
  }

  @Override
  Future<Integer> forgetScope(MemoryScope scope, String subject);

  @Override
  Future<List<Memory>> forgetMatching(String text, MemoryScope scope, String subject);

  /** Forgets memories whose expiry has passed; returns how many. */
  Future<Integer> sweepExpired();

  /** Stores the durable facts {@code extractor} finds in {@code utterance}; returns those stored. */
  Future<List<Memory>> learn(Utterance utterance, FactExtractor extractor);

  /** The document library sharing this store's database, embedder and vectors. */
  DocumentLibrary documents();

  /** The embedding model's id. */
  String modelId();

  /** Releases the embedder and the vector backend (not the database). */
  Future<Void> close();
}
