package io.harpou.bridge.vertx.models;

import io.vertx.core.json.JsonObject;

/**
 * The {@code agent.cache} section: whether answers are cached, how many and for how long, and which embedding model
 * finds a question by meaning (without one, only the same words find an answer).
 *
 * <pre>{@code
 * {"enabled": true, "max_entries": 10000, "ttl_ms": 86400000, "threshold": 0.85,
 *  "embeddings": {"provider": "ollama", "url": "http://gpu-box:11434", "model": "all-minilm"}}
 * }</pre>
 *
 * @param enabled whether answers are cached (false by default)
 * @param maxEntries the most answers kept
 * @param ttlMillis how long an answer is served
 * @param threshold the least cosine similarity of a question found by meaning
 * @param embeddings the embedding model's provider section ({@code provider} and its keys), empty for none
 */
public record CacheOptions(boolean enabled, int maxEntries, long ttlMillis, double threshold, JsonObject embeddings) {

  /** Answers kept at most. */
  public static final int DEFAULT_MAX_ENTRIES = 10_000;
  /** A day. */
  public static final long DEFAULT_TTL_MS = 86_400_000L;
  /**
   * The similarity above which two questions are the same question, measured for all-MiniLM-L6-v2 (Ollama's
   * {@code all-minilm}) on a labelled set of paraphrases and near misses (see BENCHMARKS.md).
   */
  public static final double DEFAULT_THRESHOLD = 0.85;

  /** Copies the embeddings section. */
  public CacheOptions {
    embeddings = embeddings == null ? new JsonObject() : embeddings.copy();
  }

  /** Reads the section; absent means no cache. */
  public static CacheOptions fromJson(JsonObject json) {
    return new CacheOptions(json.getBoolean("enabled", false), json.getInteger("max_entries", DEFAULT_MAX_ENTRIES),
        json.getLong("ttl_ms", DEFAULT_TTL_MS), json.getDouble("threshold", DEFAULT_THRESHOLD),
        json.getJsonObject("embeddings", new JsonObject()));
  }
}
