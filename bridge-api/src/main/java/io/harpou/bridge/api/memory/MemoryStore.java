package io.harpou.bridge.api.memory;

import io.vertx.core.Future;
import java.util.List;

/**
 * Remembers facts and recalls them by meaning and words together. Futures complete on the caller's Vert.x context and
 * fail with {@link io.harpou.bridge.api.BridgeException} when the store cannot be reached.
 */
public interface MemoryStore {

  /**
   * Stores a memory and returns it with its id. A memory that repeats a known one returns the known one; one that
   * contradicts an older fact replaces it.
   */
  Future<Memory> remember(Memory memory);

  /** The memories most relevant to the query, best first. */
  Future<List<RecalledMemory>> recall(MemoryQuery query);

  /** Stored memories of a scope (all scopes when null), newest first. */
  Future<List<Memory>> list(MemoryScope scope, int limit);

  /** Forgets one memory; false when there was none with that id. */
  Future<Boolean> forget(String id);

  /**
   * Forgets what matches a request such as "that the cat is called Mochi" (within {@code scope} and about {@code
   * subject} when not null): the best match, and any other as close. Returns what was forgotten, maybe nothing. A
   * store that forgets only by id fails with {@link UnsupportedOperationException} (the default).
   */
  default Future<List<Memory>> forgetMatching(String text, MemoryScope scope, String subject) {
    return Future.failedFuture(new UnsupportedOperationException("this memory store can only forget by id"));
  }

  /**
   * Forgets every memory of {@code scope} (and about {@code subject} when not null); returns how many. A store that
   * forgets only by id fails with {@link UnsupportedOperationException} (the default).
   */
  default Future<Integer> forgetScope(MemoryScope scope, String subject) {
    return Future.failedFuture(new UnsupportedOperationException("this memory store can only forget by id"));
  }

  /**
   * The passages of the household's own documents that best answer {@code text}, best first, at most {@code limit}.
   * A store without a document library finds none (the default). Fails with IllegalArgumentException on blank text
   * or a limit under 1 when there is a library to search.
   */
  default Future<List<Passage>> searchDocuments(String text, int limit) {
    return Future.succeededFuture(List.of());
  }

  /**
   * The documents indexed for {@link #searchDocuments}, as {@code {"file", "pages", "chunks", "indexed_at"}} objects;
   * none for a store without a document library (the default).
   */
  default Future<List<io.vertx.core.json.JsonObject>> indexedDocuments() {
    return Future.succeededFuture(List.of());
  }
}
