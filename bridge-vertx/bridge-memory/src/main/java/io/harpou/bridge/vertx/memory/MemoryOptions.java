package io.harpou.bridge.vertx.memory;

import io.harpou.bridge.api.memory.MemoryScope;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Locale;

/**
 * Configuration of the memory store and the document library, read from the hub's {@code memory} section.
 *
 * <pre>{@code
 * {
 *   "enabled": true,
 *   "chroma": {"url": "http://127.0.0.1:8000", "collection": "harpou"},
 *   "embeddings": {"provider": "ollama", "url": "http://127.0.0.1:11434", "model": "all-minilm"},
 *   "facts": {"provider": "openai", "url": "http://gpu-box:8080/v1", "api_key": "...", "model": "qwen3"},
 *   "docs_dir": "/srv/docs",
 *   "ttl_seconds": {"room": 2592000}
 * }
 * }</pre>
 *
 * <p>Without {@code chroma.url} vectors stay in the embedded database; without {@code embeddings.url} the
 * all-MiniLM-L6-v2 model runs in process; without {@code facts.url} only explicit requests are remembered. The
 * {@code provider} of each is a {@link io.harpou.bridge.vertx.model.ModelProvider} id ({@code ollama} by default,
 * {@code openai} for any OpenAI-compatible server); {@code ollama_url} is read as {@code url}, as earlier versions
 * wrote it.
 */
public final class MemoryOptions {

  /** How recall ranks memories; the single-signal modes exist to measure what each half contributes. */
  public enum RecallMode {
    /** Full-text (BM25) and vector similarity fused by reciprocal rank. */
    HYBRID,
    /** Full-text search only. */
    LEXICAL,
    /** Vector similarity only. */
    SEMANTIC
  }

  /** The default model name asked of Ollama for embeddings. */
  public static final String DEFAULT_OLLAMA_EMBEDDING_MODEL = "all-minilm";
  /** Cosine similarity from which a new fact repeats a known one (MiniLM puts paraphrases of one fact above it). */
  public static final double DEFAULT_DUPLICATE_SIMILARITY = 0.9;
  /** Cosine similarity under which a vector match does not count at all. */
  public static final double DEFAULT_MIN_SIMILARITY = 0.25;
  /** The weight of the full-text ranking against the vector ranking (1) in hybrid recall. */
  public static final double DEFAULT_LEXICAL_WEIGHT = 0.5;

  private boolean enabled = true;
  private String chromaUrl;
  private String chromaCollection = "harpou";
  private String embeddingsProvider = "ollama";
  private String embeddingsOllamaUrl;
  private String embeddingsApiKey;
  private String embeddingsModel = DEFAULT_OLLAMA_EMBEDDING_MODEL;
  private String factsProvider = "ollama";
  private String factsOllamaUrl;
  private String factsApiKey;
  private String factsModel = "llama3.2";
  private String docsDir;
  private Duration docsScanInterval = Duration.ofSeconds(60);
  private Duration sweepInterval = Duration.ofMinutes(10);
  private JsonObject ttlSeconds = new JsonObject();
  private double duplicateSimilarity = DEFAULT_DUPLICATE_SIMILARITY;
  private double minSimilarity = DEFAULT_MIN_SIMILARITY;
  private double lexicalWeight = DEFAULT_LEXICAL_WEIGHT;
  private int chunkSize = 800;
  private int chunkOverlap = 150;
  private int embeddingThreads = 2;
  private RecallMode recallMode = RecallMode.HYBRID;

  /** Options with every default: embedded vectors, in-process embeddings, no documents. */
  public MemoryOptions() {
  }

  /** A copy of {@code other}: changing one leaves the other as it was. */
  public MemoryOptions(MemoryOptions other) {
    this(other.toJson());
    this.embeddingsApiKey = other.embeddingsApiKey;
    this.factsApiKey = other.factsApiKey;
  }

  /** Options read from the {@code memory} section; unknown keys are ignored. */
  public MemoryOptions(JsonObject json) {
    JsonObject j = json == null ? new JsonObject() : json;
    JsonObject chroma = j.getJsonObject("chroma", new JsonObject());
    JsonObject embeddings = j.getJsonObject("embeddings", new JsonObject());
    JsonObject facts = j.getJsonObject("facts", new JsonObject());
    enabled = j.getBoolean("enabled", true);
    chromaUrl = blankToNull(chroma.getString("url"));
    chromaCollection = chroma.getString("collection", chromaCollection);
    embeddingsProvider = embeddings.getString("provider", embeddingsProvider);
    embeddingsOllamaUrl = blankToNull(embeddings.getString("url", embeddings.getString("ollama_url")));
    embeddingsApiKey = blankToNull(embeddings.getString("api_key"));
    embeddingsModel = embeddings.getString("model", embeddingsModel);
    factsProvider = facts.getString("provider", factsProvider);
    factsOllamaUrl = blankToNull(facts.getString("url", facts.getString("ollama_url")));
    factsApiKey = blankToNull(facts.getString("api_key"));
    factsModel = facts.getString("model", factsModel);
    docsDir = blankToNull(j.getString("docs_dir"));
    docsScanInterval = Duration.ofMillis(j.getLong("docs_scan_interval_ms", docsScanInterval.toMillis()));
    sweepInterval = Duration.ofMillis(j.getLong("sweep_interval_ms", sweepInterval.toMillis()));
    ttlSeconds = j.getJsonObject("ttl_seconds", new JsonObject()).copy();
    duplicateSimilarity = j.getDouble("duplicate_similarity", duplicateSimilarity);
    minSimilarity = j.getDouble("min_similarity", minSimilarity);
    lexicalWeight = j.getDouble("lexical_weight", lexicalWeight);
    chunkSize = j.getInteger("chunk_size", chunkSize);
    chunkOverlap = j.getInteger("chunk_overlap", chunkOverlap);
    embeddingThreads = j.getInteger("embedding_threads", embeddingThreads);
    recallMode = RecallMode.valueOf(j.getString("recall_mode", "hybrid").toUpperCase(Locale.ROOT));
    validate();
  }

  private void validate() {
    if (chunkSize < 100 || chunkOverlap < 0 || chunkOverlap >= chunkSize) {
      throw new IllegalArgumentException("memory chunk_size must be at least 100 and chunk_overlap below it");
    }
    if (embeddingThreads < 1) {
      throw new IllegalArgumentException("memory embedding_threads must be positive");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** False when the hub should run without memory. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Sets whether memory runs. */
  public MemoryOptions setEnabled(boolean enabled) {
    this.enabled = enabled;
    return this;
  }

  /** The Chroma server's base URL, or null to keep vectors in the embedded database. */
  public String getChromaUrl() {
    return chromaUrl;
  }

  /** Sets the Chroma server's base URL. */
  public MemoryOptions setChromaUrl(String chromaUrl) {
    this.chromaUrl = blankToNull(chromaUrl);
    return this;
  }

  /** The prefix of the Chroma collection's name; the embedding model's id is appended. */
  public String getChromaCollection() {
    return chromaCollection;
  }

  /** Sets the Chroma collection prefix. */
  public MemoryOptions setChromaCollection(String chromaCollection) {
    this.chromaCollection = chromaCollection;
    return this;
  }

  /**
   * The section handed to the embeddings' {@link io.harpou.bridge.vertx.model.ModelProvider}: {@code url},
   * {@code model}, {@code api_key}.
   */
  public JsonObject embeddingsModelConfig() {
    JsonObject config = new JsonObject().put("url", embeddingsOllamaUrl).put("model", embeddingsModel);
    return embeddingsApiKey == null ? config : config.put("api_key", embeddingsApiKey);
  }

  /** The id of the model provider serving embeddings ({@code ollama} unless set). */
  public String getEmbeddingsProvider() {
    return embeddingsProvider;
  }

  /** Sets the id of the model provider serving embeddings. */
  public MemoryOptions setEmbeddingsProvider(String provider) {
    this.embeddingsProvider = provider;
    return this;
  }

  /**
   * The section handed to the fact extractor's {@link io.harpou.bridge.vertx.model.ModelProvider}: {@code url},
   * {@code model}, {@code api_key}.
   */
  public JsonObject factsModelConfig() {
    JsonObject config = new JsonObject().put("url", factsOllamaUrl).put("model", factsModel);
    return factsApiKey == null ? config : config.put("api_key", factsApiKey);
  }

  /** The id of the model provider extracting facts ({@code ollama} unless set). */
  public String getFactsProvider() {
    return factsProvider;
  }

  /** Sets the id of the model provider extracting facts. */
  public MemoryOptions setFactsProvider(String provider) {
    this.factsProvider = provider;
    return this;
  }

  /** The embedding server's base URL, or null for the in-process model. */
  public String getEmbeddingsOllamaUrl() {
    return embeddingsOllamaUrl;
  }

  /** Sets the embedding server's base URL. */
  public MemoryOptions setEmbeddingsOllamaUrl(String url) {
    this.embeddingsOllamaUrl = blankToNull(url);
    return this;
  }

  /** The Ollama embedding model's name. */
  public String getEmbeddingsModel() {
    return embeddingsModel;
  }

  /** Sets the Ollama embedding model's name. */
  public MemoryOptions setEmbeddingsModel(String model) {
    this.embeddingsModel = model;
    return this;
  }

  /** Ollama's base URL for fact extraction, or null to remember explicit requests only. */
  public String getFactsOllamaUrl() {
    return factsOllamaUrl;
  }

  /** Sets Ollama's base URL for fact extraction. */
  public MemoryOptions setFactsOllamaUrl(String url) {
    this.factsOllamaUrl = blankToNull(url);
    return this;
  }

  /** The chat model that extracts facts. */
  public String getFactsModel() {
    return factsModel;
  }

  /** Sets the chat model that extracts facts. */
  public MemoryOptions setFactsModel(String model) {
    this.factsModel = model;
    return this;
  }

  /** The watched folder of documents, or null for none. */
  public String getDocsDir() {
    return docsDir;
  }

  /** Sets the watched folder of documents. */
  public MemoryOptions setDocsDir(String docsDir) {
    this.docsDir = blankToNull(docsDir);
    return this;
  }

  /** How often the documents folder is scanned for changes. */
  public Duration getDocsScanInterval() {
    return docsScanInterval;
  }

  /** Sets how often the documents folder is scanned. */
  public MemoryOptions setDocsScanInterval(Duration interval) {
    this.docsScanInterval = interval;
    return this;
  }

  /** How often expired memories are swept. */
  public Duration getSweepInterval() {
    return sweepInterval;
  }

  /** Sets how often expired memories are swept. */
  public MemoryOptions setSweepInterval(Duration interval) {
    this.sweepInterval = interval;
    return this;
  }

  /** The default lifetime of memories of a scope that come without an expiry, or null to keep them. */
  public Duration ttl(MemoryScope scope) {
    Long seconds = ttlSeconds.getLong(scope.jsonName());
    return seconds == null || seconds <= 0 ? null : Duration.ofSeconds(seconds);
  }

  /** Sets the default lifetime of a scope's memories (null keeps them). */
  public MemoryOptions setTtl(MemoryScope scope, Duration ttl) {
    if (ttl == null) {
      ttlSeconds.remove(scope.jsonName());
    } else {
      ttlSeconds.put(scope.jsonName(), ttl.toSeconds());
    }
    return this;
  }

  /** The similarity from which a new memory is a duplicate of a known one. */
  public double getDuplicateSimilarity() {
    return duplicateSimilarity;
  }

  /** Sets the duplicate similarity. */
  public MemoryOptions setDuplicateSimilarity(double similarity) {
    this.duplicateSimilarity = similarity;
    return this;
  }

  /** The similarity under which a vector match is ignored. */
  public double getMinSimilarity() {
    return minSimilarity;
  }

  /** Sets the minimum similarity. */
  public MemoryOptions setMinSimilarity(double similarity) {
    this.minSimilarity = similarity;
    return this;
  }

  /** The weight of the full-text ranking in hybrid recall, the vector ranking weighing 1. */
  public double getLexicalWeight() {
    return lexicalWeight;
  }

  /** Sets the weight of the full-text ranking. */
  public MemoryOptions setLexicalWeight(double weight) {
    this.lexicalWeight = weight;
    return this;
  }

  /** The target length of a document chunk, in characters. */
  public int getChunkSize() {
    return chunkSize;
  }

  /** Sets the chunk length. */
  public MemoryOptions setChunkSize(int chunkSize) {
    this.chunkSize = chunkSize;
    validate();
    return this;
  }

  /** How many characters consecutive chunks share. */
  public int getChunkOverlap() {
    return chunkOverlap;
  }

  /** Sets the chunk overlap. */
  public MemoryOptions setChunkOverlap(int chunkOverlap) {
    this.chunkOverlap = chunkOverlap;
    validate();
    return this;
  }

  /** The worker threads that compute embeddings. */
  public int getEmbeddingThreads() {
    return embeddingThreads;
  }

  /** Sets the embedding worker threads. */
  public MemoryOptions setEmbeddingThreads(int threads) {
    this.embeddingThreads = threads;
    validate();
    return this;
  }

  /** How recall ranks. */
  public RecallMode getRecallMode() {
    return recallMode;
  }

  /** Sets how recall ranks. */
  public MemoryOptions setRecallMode(RecallMode mode) {
    this.recallMode = mode;
    return this;
  }

  /** The JSON form, as read by {@link #MemoryOptions(JsonObject)}. */
  public JsonObject toJson() {
    JsonObject chroma = new JsonObject().put("collection", chromaCollection);
    JsonObject embeddings = new JsonObject().put("provider", embeddingsProvider).put("model", embeddingsModel);
    JsonObject facts = new JsonObject().put("provider", factsProvider).put("model", factsModel);
    if (chromaUrl != null) {
      chroma.put("url", chromaUrl);
    }
    if (embeddingsOllamaUrl != null) {
      embeddings.put("url", embeddingsOllamaUrl);
    }
    if (factsOllamaUrl != null) {
      facts.put("url", factsOllamaUrl);
    }
    JsonObject json = new JsonObject().put("enabled", enabled).put("chroma", chroma).put("embeddings", embeddings)
        .put("facts", facts)
        .put("docs_scan_interval_ms", docsScanInterval.toMillis()).put("sweep_interval_ms", sweepInterval.toMillis())
        .put("ttl_seconds", ttlSeconds.copy()).put("duplicate_similarity", duplicateSimilarity)
        .put("min_similarity", minSimilarity).put("lexical_weight", lexicalWeight).put("chunk_size", chunkSize).put("chunk_overlap", chunkOverlap)
        .put("embedding_threads", embeddingThreads)
        .put("recall_mode", recallMode.name().toLowerCase(Locale.ROOT));
    if (docsDir != null) {
      json.put("docs_dir", docsDir);
    }
    return json;
  }
}
