package io.harpou.bridge.vertx.models;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers kept for questions asked again: found by the question's exact words (case, accents and punctuation
 * aside) or, given its embedding, by meaning (cosine similarity at least the threshold) among questions in the same
 * scope (their language, and whatever else the caller keeps answers apart by, such as the voice they were said in).
 * Entries expire after their time to live, the oldest give way when the cache is full, and an entry that cited a
 * document is dropped when that document is indexed again. What may be cached is the caller's business
 * ({@link TurnCache}). Thread-safe.
 */
public final class ResponseCache {

  /** An answer found for a question. */
  public record Hit(String answer, String model, String question, double similarity, boolean exact) {
  }

  private record Entry(String key, String scope, String question, String answer, String model, long expiresAt,
                       Set<String> sources) {
  }

  private final int capacity;
  private final long ttlMillis;
  private final double threshold;
  private final Map<String, Integer> slotOfKey = new HashMap<>();
  private final Entry[] entries;
  private SemanticIndex index;
  private int next;

  /**
   * An empty cache.
   *
   * @param capacity the most entries kept
   * @param ttlMillis how long an entry is served
   * @param threshold the least cosine similarity of a question found by meaning
   */
  public ResponseCache(int capacity, long ttlMillis, double threshold) {
    if (capacity < 1 || ttlMillis < 1 || threshold <= 0 || threshold > 1) {
      throw new IllegalArgumentException("a cache needs capacity >= 1, ttl >= 1 ms and a threshold in (0, 1]");
    }
    this.capacity = capacity;
    this.ttlMillis = ttlMillis;
    this.threshold = threshold;
    this.entries = new Entry[capacity];
  }

  /** The entry for these exact words in this scope, unless expired. */
  public synchronized Optional<Hit> exact(String question, String scope, long nowMillis) {
    Integer slot = slotOfKey.get(key(question, scope));
    if (slot == null || live(slot, nowMillis) == null) {
      return Optional.empty();
    }
    Entry entry = entries[slot];
    return Optional.of(new Hit(entry.answer(), entry.model(), entry.question(), 1.0, true));
  }

  /** The live entry in this scope nearest {@code embedding} at or above the threshold. */
  public synchronized Optional<Hit> similar(float[] embedding, String scope, long nowMillis) {
    if (index == null || embedding.length != index.dimension()) {
      return Optional.empty();
    }
    float[] unit = SemanticIndex.unit(embedding);
    int slot = index.nearest(unit, threshold, s -> {
      Entry entry = live(s, nowMillis);
      return entry != null && entry.scope().equals(scope);
    });
    if (slot < 0) {
      return Optional.empty();
    }
    Entry entry = entries[slot];
    return Optional.of(new Hit(entry.answer(), entry.model(), entry.question(), index.similarity(unit, slot),
        false));
  }

  /**
   * Keeps an answer.
   *
   * @param embedding the question's embedding, or null to find it by its exact words only
   * @param sources the documents the answer cited
   */
  public synchronized void put(String question, String scope, String answer, String model, float[] embedding,
                               Set<String> sources, long nowMillis) {
    String key = key(question, scope);
    Integer existing = slotOfKey.get(key);
    if (existing != null) {
      drop(existing);
    }
    int slot = next;
    next = (next + 1) % capacity;
    if (entries[slot] != null) {
      drop(slot);
    }
    entries[slot] = new Entry(key, scope, question, answer, model, nowMillis + ttlMillis, Set.copyOf(sources));
    slotOfKey.put(key, slot);
    if (embedding != null) {
      if (index == null) {
        index = new SemanticIndex(embedding.length, capacity);
      }
      if (embedding.length == index.dimension()) {
        index.addAt(slot, SemanticIndex.unit(embedding));
      }
    }
  }

  /** Drops every answer that cited {@code source}; returns how many. */
  public synchronized int invalidate(String source) {
    int dropped = 0;
    for (int slot = 0; slot < capacity; slot++) {
      if (entries[slot] != null && entries[slot].sources().contains(source)) {
        drop(slot);
        dropped++;
      }
    }
    return dropped;
  }

  /** The entries kept, expired ones included until they are dropped. */
  public synchronized int size() {
    return slotOfKey.size();
  }

  private Entry live(int slot, long nowMillis) {
    Entry entry = entries[slot];
    if (entry != null && entry.expiresAt() <= nowMillis) {
      drop(slot);
      return null;
    }
    return entry;
  }

  private void drop(int slot) {
    Entry entry = entries[slot];
    if (entry != null) {
      slotOfKey.remove(entry.key());
      entries[slot] = null;
      if (index != null) {
        index.remove(slot);
      }
    }
  }

  private static String key(String question, String scope) {
    return scope + "\n" + Words.normalise(question);
  }
}
