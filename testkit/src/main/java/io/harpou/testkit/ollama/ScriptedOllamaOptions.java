package io.harpou.testkit.ollama;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Options of the scripted Ollama server: where it listens, which models it lists, and its starting script. */
public class ScriptedOllamaOptions {

  /** Loopback, as tests and the embedded hub need nothing else. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** Any free port. */
  public static final int DEFAULT_PORT = 0;
  /** The single model listed when none is configured. */
  public static final String DEFAULT_MODEL = "llama3.2:latest";
  /** The size of the hashed embeddings, that of small sentence models such as all-minilm. */
  public static final int DEFAULT_EMBEDDING_DIMENSION = 384;
  /** The Ollama version reported by {@code /api/version}. */
  public static final String DEFAULT_VERSION = "0.12.6";
  /** The key the Azure-shaped endpoint accepts in its {@code api-key} header unless another is set. */
  public static final String DEFAULT_AZURE_API_KEY = "azure-test-key";

  private String host = DEFAULT_HOST;
  private int port = DEFAULT_PORT;
  private List<String> models = new ArrayList<>(List.of(DEFAULT_MODEL));
  private int embeddingDimension = DEFAULT_EMBEDDING_DIMENSION;
  private String version = DEFAULT_VERSION;
  private boolean rejectUnknownModels;
  private long streamChunkDelayMillis;
  private OllamaScript script = OllamaScript.empty();
  private String azureApiKey = DEFAULT_AZURE_API_KEY;

  /** Options with the defaults. */
  public ScriptedOllamaOptions() {
  }

  /** A copy of {@code other}: changing one leaves the other as it was. */
  public ScriptedOllamaOptions(ScriptedOllamaOptions other) {
    this(other.toJson());
  }

  /**
   * Options read from JSON; missing keys keep their defaults, unknown keys are ignored.
   *
   * @throws IllegalArgumentException when a value is out of range or the script is malformed
   */
  public ScriptedOllamaOptions(JsonObject json) {
    setHost(json.getString("host", DEFAULT_HOST));
    setPort(json.getInteger("port", DEFAULT_PORT));
    JsonArray names = json.getJsonArray("models");
    if (names != null) {
      setModels(names.stream().map(String::valueOf).toList());
    }
    setEmbeddingDimension(json.getInteger("embedding_dimension", DEFAULT_EMBEDDING_DIMENSION));
    setVersion(json.getString("version", DEFAULT_VERSION));
    setRejectUnknownModels(json.getBoolean("reject_unknown_models", false));
    setStreamChunkDelayMillis(json.getLong("stream_chunk_delay_ms", 0L));
    setAzureApiKey(json.getString("azure_api_key", DEFAULT_AZURE_API_KEY));
    JsonObject scriptJson = json.getJsonObject("script");
    if (scriptJson != null) {
      setScript(OllamaScript.fromJson(scriptJson));
    }
  }

  /** The JSON form. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("host", host)
        .put("port", port)
        .put("models", new JsonArray(new ArrayList<>(models)))
        .put("embedding_dimension", embeddingDimension)
        .put("version", version)
        .put("reject_unknown_models", rejectUnknownModels)
        .put("stream_chunk_delay_ms", streamChunkDelayMillis)
        .put("azure_api_key", azureApiKey)
        .put("script", script.toJson());
  }

  /** The interface to bind, {@value #DEFAULT_HOST} by default. */
  public String getHost() {
    return host;
  }

  /** Sets the interface to bind. */
  public ScriptedOllamaOptions setHost(String host) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    this.host = host;
    return this;
  }

  /** The port to bind, 0 for any free port. */
  public int getPort() {
    return port;
  }

  /** Sets the port to bind, 0 for any free port. */
  public ScriptedOllamaOptions setPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    this.port = port;
    return this;
  }

  /** The model names listed by {@code /api/tags}; the first is the default name of answers. */
  public List<String> getModels() {
    return List.copyOf(models);
  }

  /** Sets the listed model names; a name without a tag is listed with {@code :latest}. */
  public ScriptedOllamaOptions setModels(List<String> models) {
    if (models == null || models.isEmpty() || models.stream().anyMatch(m -> m == null || m.isBlank())) {
      throw new IllegalArgumentException("at least one model, and no blank names");
    }
    this.models = new ArrayList<>(models);
    return this;
  }

  /** The size of the vectors {@code /api/embed} returns when the request asks for none. */
  public int getEmbeddingDimension() {
    return embeddingDimension;
  }

  /** Sets the embedding size, from 8 to 8192. */
  public ScriptedOllamaOptions setEmbeddingDimension(int embeddingDimension) {
    if (embeddingDimension < 8 || embeddingDimension > 8192) {
      throw new IllegalArgumentException("embedding dimension must be 8..8192, got " + embeddingDimension);
    }
    this.embeddingDimension = embeddingDimension;
    return this;
  }

  /** The version reported by {@code /api/version}. */
  public String getVersion() {
    return version;
  }

  /** Sets the version reported by {@code /api/version}. */
  public ScriptedOllamaOptions setVersion(String version) {
    this.version = version == null || version.isBlank() ? DEFAULT_VERSION : version;
    return this;
  }

  /** Whether chat and embed requests for a model not listed get Ollama's 404, as a real server would. */
  public boolean isRejectUnknownModels() {
    return rejectUnknownModels;
  }

  /** Sets whether requests for unlisted models get a 404; off by default so any model name works. */
  public ScriptedOllamaOptions setRejectUnknownModels(boolean rejectUnknownModels) {
    this.rejectUnknownModels = rejectUnknownModels;
    return this;
  }

  /** The pause between streamed chunks in milliseconds, 0 by default. */
  public long getStreamChunkDelayMillis() {
    return streamChunkDelayMillis;
  }

  /** Sets the pause between streamed chunks, to make streaming visible in demos. */
  public ScriptedOllamaOptions setStreamChunkDelayMillis(long streamChunkDelayMillis) {
    if (streamChunkDelayMillis < 0) {
      throw new IllegalArgumentException("stream chunk delay must not be negative");
    }
    this.streamChunkDelayMillis = streamChunkDelayMillis;
    return this;
  }

  /** The script the server starts with. */
  public OllamaScript getScript() {
    return script;
  }

  /** Sets the script the server starts with. */
  public ScriptedOllamaOptions setScript(OllamaScript script) {
    this.script = script == null ? OllamaScript.empty() : script;
    return this;
  }

  /** The key the Azure-shaped endpoint requires in the {@code api-key} header. */
  public String getAzureApiKey() {
    return azureApiKey;
  }

  /** Sets the key the Azure-shaped endpoint requires. */
  public ScriptedOllamaOptions setAzureApiKey(String azureApiKey) {
    if (azureApiKey == null || azureApiKey.isBlank()) {
      throw new IllegalArgumentException("the Azure API key must not be blank");
    }
    this.azureApiKey = azureApiKey;
    return this;
  }
}
