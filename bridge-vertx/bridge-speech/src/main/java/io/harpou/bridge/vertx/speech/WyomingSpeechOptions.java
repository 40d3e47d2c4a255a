package io.harpou.bridge.vertx.speech;

import io.harpou.bridge.api.Json;
import io.harpou.wyoming.WyomingClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * Options of a remote Wyoming speech service ({@link WyomingSttService}, {@link WyomingTtsService}): where it runs,
 * which model or voice to ask for, and the limits of one request.
 */
public class WyomingSpeechOptions {

  /** Default host: this machine. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** Default time one request may take, connection included: 30 seconds. */
  public static final long DEFAULT_TIMEOUT_MILLIS = 30_000;
  /** Default size of the audio chunks sent for transcription: 100 ms. */
  public static final int DEFAULT_CHUNK_MILLIS = 100;
  /** Default largest synthesised audio accepted: 16 MiB. */
  public static final int DEFAULT_MAX_AUDIO_BYTES = 16 * 1024 * 1024;

  private String host = DEFAULT_HOST;
  private int port;
  private String name;
  private List<String> languages = List.of("en");
  private long timeoutMillis = DEFAULT_TIMEOUT_MILLIS;
  private int chunkMillis = DEFAULT_CHUNK_MILLIS;
  private int maxAudioBytes = DEFAULT_MAX_AUDIO_BYTES;
  private WyomingClientOptions client = new WyomingClientOptions();

  /** Creates options with the defaults; the port must still be set. */
  public WyomingSpeechOptions() {
  }

  /** A copy of {@code other}: changing one leaves the other as it was. */
  public WyomingSpeechOptions(WyomingSpeechOptions other) {
    this(other.toJson());
  }

  /**
   * Reads options from JSON: {@code host}, {@code port}, {@code name}, {@code languages}, {@code timeout_ms},
   * {@code chunk_ms}, {@code max_audio_bytes}, {@code client}; missing keys keep their defaults, unknown keys are
   * ignored.
   */
  public WyomingSpeechOptions(JsonObject json) {
    setHost(json.getString("host", DEFAULT_HOST));
    setPort(json.getInteger("port", 0));
    setName(json.getString("name"));
    if (json.getJsonArray("languages") != null) {
      setLanguages(Json.strings(json, "languages"));
    }
    setTimeoutMillis(json.getLong("timeout_ms", DEFAULT_TIMEOUT_MILLIS));
    setChunkMillis(json.getInteger("chunk_ms", DEFAULT_CHUNK_MILLIS));
    setMaxAudioBytes(json.getInteger("max_audio_bytes", DEFAULT_MAX_AUDIO_BYTES));
    JsonObject clientJson = json.getJsonObject("client");
    setClient(clientJson == null ? new WyomingClientOptions() : new WyomingClientOptions(clientJson));
  }

  /** The server's host. */
  public String getHost() {
    return host;
  }

  /** Sets the server's host. */
  public WyomingSpeechOptions setHost(String host) {
    this.host = Json.requireText(host, "wyoming host");
    return this;
  }

  /** The server's port (faster-whisper conventionally 10300, Piper 10200); 0 until set. */
  public int getPort() {
    return port;
  }

  /** Sets the server's port. */
  public WyomingSpeechOptions setPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("wyoming port out of range: " + port);
    }
    this.port = port;
    return this;
  }

  /** The model (speech to text) or voice (text to speech) to ask for, or null for the server's default. */
  public String getName() {
    return name;
  }

  /** Sets the model or voice to ask for. */
  public WyomingSpeechOptions setName(String name) {
    this.name = name == null || name.isBlank() ? null : name;
    return this;
  }

  /** The languages assumed until the server has described itself. */
  public List<String> getLanguages() {
    return languages;
  }

  /** Sets the languages assumed until the server has described itself. */
  public WyomingSpeechOptions setLanguages(List<String> languages) {
    this.languages = List.copyOf(Objects.requireNonNull(languages, "languages"));
    return this;
  }

  /** How long one request may take, connecting included. */
  public long getTimeoutMillis() {
    return timeoutMillis;
  }

  /** Sets how long one request may take. */
  public WyomingSpeechOptions setTimeoutMillis(long timeoutMillis) {
    if (timeoutMillis <= 0) {
      throw new IllegalArgumentException("wyoming timeoutMillis must be positive");
    }
    this.timeoutMillis = timeoutMillis;
    return this;
  }

  /** The length of each audio chunk sent for transcription, in milliseconds. */
  public int getChunkMillis() {
    return chunkMillis;
  }

  /** Sets the length of each audio chunk sent for transcription. */
  public WyomingSpeechOptions setChunkMillis(int chunkMillis) {
    if (chunkMillis < 10 || chunkMillis > 10_000) {
      throw new IllegalArgumentException("wyoming chunkMillis must be between 10 and 10000");
    }
    this.chunkMillis = chunkMillis;
    return this;
  }

  /** The largest synthesised audio accepted, in bytes. */
  public int getMaxAudioBytes() {
    return maxAudioBytes;
  }

  /** Sets the largest synthesised audio accepted, in bytes. */
  public WyomingSpeechOptions setMaxAudioBytes(int maxAudioBytes) {
    if (maxAudioBytes < 1) {
      throw new IllegalArgumentException("wyoming maxAudioBytes must be positive");
    }
    this.maxAudioBytes = maxAudioBytes;
    return this;
  }

  /** The options of the underlying Wyoming client. */
  public WyomingClientOptions getClient() {
    return client;
  }

  /** Sets the options of the underlying Wyoming client. */
  public WyomingSpeechOptions setClient(WyomingClientOptions client) {
    this.client = Objects.requireNonNull(client, "client");
    return this;
  }

  /** The JSON form; an unset name is omitted. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("host", host).put("port", port);
    Json.putIfPresent(json, "name", name);
    return json.put("languages", new JsonArray(languages)).put("timeout_ms", timeoutMillis)
        .put("chunk_ms", chunkMillis).put("max_audio_bytes", maxAudioBytes).put("client", client.toJson());
  }
}
