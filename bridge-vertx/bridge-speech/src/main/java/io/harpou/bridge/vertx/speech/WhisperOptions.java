package io.harpou.bridge.vertx.speech;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Options of a {@link WhisperSttService}: the model file, the default language, threads and the pool size. The hub
 * fills {@code model} from {@code voice.whisper.model} or {@code HARPOU_WHISPER_MODEL}; these options never read the
 * environment themselves.
 */
public class WhisperOptions {

  /** Default language: English. */
  public static final String DEFAULT_LANGUAGE = "en";
  /** Default languages a multilingual model is offered for. */
  public static final List<String> DEFAULT_LANGUAGES = List.of("en", "fr");
  /** Default number of concurrent transcriptions: one, since one already uses every thread given to it. */
  public static final int DEFAULT_POOL_SIZE = 1;
  /** Default longest utterance accepted: 30 seconds, Whisper's whole window. */
  public static final int DEFAULT_MAX_AUDIO_SECONDS = 30;

  private String model;
  private String language = DEFAULT_LANGUAGE;
  private List<String> languages = DEFAULT_LANGUAGES;
  private int threads = defaultThreads();
  private int poolSize = DEFAULT_POOL_SIZE;
  private boolean trimAudioContext = true;
  private int maxAudioSeconds = DEFAULT_MAX_AUDIO_SECONDS;

  /** Creates options with the defaults and no model. */
  public WhisperOptions() {
  }

  /** A copy of {@code other}: changing one leaves the other as it was. */
  public WhisperOptions(WhisperOptions other) {
    this(other.toJson());
  }

  /**
   * Reads options from JSON: {@code model}, {@code language}, {@code languages}, {@code threads}, {@code pool_size},
   * {@code trim_audio_context}, {@code max_audio_seconds}; missing keys keep their defaults, unknown keys are ignored.
   */
  public WhisperOptions(JsonObject json) {
    setModel(json.getString("model"));
    setLanguage(json.getString("language", DEFAULT_LANGUAGE));
    JsonArray list = json.getJsonArray("languages");
    setLanguages(list == null ? DEFAULT_LANGUAGES : Json.strings(json, "languages"));
    setThreads(json.getInteger("threads", defaultThreads()));
    setPoolSize(json.getInteger("pool_size", DEFAULT_POOL_SIZE));
    setTrimAudioContext(json.getBoolean("trim_audio_context", true));
    setMaxAudioSeconds(json.getInteger("max_audio_seconds", DEFAULT_MAX_AUDIO_SECONDS));
  }

  private static int defaultThreads() {
    return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  /** The path of the ggml model file, or null when none is configured. */
  public String getModel() {
    return model;
  }

  /** Sets the path of the ggml model file. */
  public WhisperOptions setModel(String model) {
    this.model = model == null || model.isBlank() ? null : model;
    return this;
  }

  /** The language used when a call names none. */
  public String getLanguage() {
    return language;
  }

  /** Sets the language used when a call names none. */
  public WhisperOptions setLanguage(String language) {
    this.language = Json.requireText(language, "whisper language");
    return this;
  }

  /** The languages offered with a multilingual model (an English-only model offers English alone). */
  public List<String> getLanguages() {
    return languages;
  }

  /** Sets the languages offered with a multilingual model. */
  public WhisperOptions setLanguages(List<String> languages) {
    if (languages == null || languages.isEmpty()) {
      throw new IllegalArgumentException("whisper languages must not be empty");
    }
    this.languages = List.copyOf(languages);
    return this;
  }

  /** The CPU threads one transcription uses. */
  public int getThreads() {
    return threads;
  }

  /** Sets the CPU threads one transcription uses. */
  public WhisperOptions setThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("whisper threads must be positive");
    }
    this.threads = threads;
    return this;
  }

  /** How many transcriptions may run at once; each holds its own native state. */
  public int getPoolSize() {
    return poolSize;
  }

  /** Sets how many transcriptions may run at once. */
  public WhisperOptions setPoolSize(int poolSize) {
    if (poolSize < 1) {
      throw new IllegalArgumentException("whisper poolSize must be positive");
    }
    this.poolSize = poolSize;
    return this;
  }

  /** Whether the encoder's context is cut to the utterance's length instead of Whisper's 30-second window. */
  public boolean isTrimAudioContext() {
    return trimAudioContext;
  }

  /** Sets whether the encoder's context is cut to the utterance's length. */
  public WhisperOptions setTrimAudioContext(boolean trimAudioContext) {
    this.trimAudioContext = trimAudioContext;
    return this;
  }

  /** The longest utterance accepted, in seconds. */
  public int getMaxAudioSeconds() {
    return maxAudioSeconds;
  }

  /** Sets the longest utterance accepted, in seconds. */
  public WhisperOptions setMaxAudioSeconds(int maxAudioSeconds) {
    if (maxAudioSeconds < 1) {
      throw new IllegalArgumentException("whisper maxAudioSeconds must be positive");
    }
    this.maxAudioSeconds = maxAudioSeconds;
    return this;
  }

  /** The JSON form; an unset model is omitted. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    Json.putIfPresent(json, "model", model);
    return json.put("language", language).put("languages", new JsonArray(languages)).put("threads", threads)
        .put("pool_size", poolSize).put("trim_audio_context", trimAudioContext).put("max_audio_seconds", maxAudioSeconds);
  }
}
