package io.harpou.bridge.vertx.speech;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of an {@link EspeakTtsService}: the program, the voice for each language, speed, and the limits on a run
 * (timeout, text length, output size, concurrent processes).
 */
public class EspeakOptions {

  /** Default program: {@code espeak-ng} found on the PATH. */
  public static final String DEFAULT_COMMAND = "espeak-ng";
  /** Default voice per language. */
  public static final Map<String, String> DEFAULT_VOICES = Map.of("en", "en", "fr", "fr");
  /** Default speaking speed in words per minute, espeak-ng's own default. */
  public static final int DEFAULT_SPEED = 175;
  /** Default time one synthesis may take: 10 seconds. */
  public static final long DEFAULT_TIMEOUT_MILLIS = 10_000;
  /** Default longest text: 2,000 characters, a paragraph; sentences are normally sent one at a time. */
  public static final int DEFAULT_MAX_TEXT_LENGTH = 2_000;
  /** Default largest output: 8 MiB, about three minutes of 22050 Hz speech. */
  public static final int DEFAULT_MAX_OUTPUT_BYTES = 8 * 1024 * 1024;
  /** Default number of espeak-ng processes that may run at once. */
  public static final int DEFAULT_POOL_SIZE = 2;

  private String command = DEFAULT_COMMAND;
  private Map<String, String> voices = DEFAULT_VOICES;
  private String language = "en";
  private int speed = DEFAULT_SPEED;
  private long timeoutMillis = DEFAULT_TIMEOUT_MILLIS;
  private int maxTextLength = DEFAULT_MAX_TEXT_LENGTH;
  private int maxOutputBytes = DEFAULT_MAX_OUTPUT_BYTES;
  private int poolSize = DEFAULT_POOL_SIZE;

  /** Creates options with the defaults. */
  public EspeakOptions() {
  }

  /** A copy of {@code other}: changing one leaves the other as it was. */
  public EspeakOptions(EspeakOptions other) {
    this(other.toJson());
  }

  /**
   * Reads options from JSON: {@code command}, {@code voices} (an object from language to voice), {@code language},
   * {@code speed}, {@code timeout_ms}, {@code max_text_length}, {@code max_output_bytes}, {@code pool_size}; missing
   * keys keep their defaults, unknown keys are ignored.
   */
  public EspeakOptions(JsonObject json) {
    setCommand(json.getString("command", DEFAULT_COMMAND));
    JsonObject map = json.getJsonObject("voices");
    if (map != null) {
      Map<String, String> read = new LinkedHashMap<>();
      map.forEach(entry -> read.put(entry.getKey(), String.valueOf(entry.getValue())));
      setVoices(read);
    }
    setLanguage(json.getString("language", "en"));
    setSpeed(json.getInteger("speed", DEFAULT_SPEED));
    setTimeoutMillis(json.getLong("timeout_ms", DEFAULT_TIMEOUT_MILLIS));
    setMaxTextLength(json.getInteger("max_text_length", DEFAULT_MAX_TEXT_LENGTH));
    setMaxOutputBytes(json.getInteger("max_output_bytes", DEFAULT_MAX_OUTPUT_BYTES));
    setPoolSize(json.getInteger("pool_size", DEFAULT_POOL_SIZE));
  }

  /** The program to run. */
  public String getCommand() {
    return command;
  }

  /** Sets the program to run, a name on the PATH or an absolute path. */
  public EspeakOptions setCommand(String command) {
    this.command = Json.requireText(command, "espeak command");
    return this;
  }

  /** The voice for each language, for example {@code fr -> fr}. */
  public Map<String, String> getVoices() {
    return voices;
  }

  /** Sets the voice for each language; languages not in the map use espeak-ng's voice of that name. */
  public EspeakOptions setVoices(Map<String, String> voices) {
    this.voices = Map.copyOf(voices);
    return this;
  }

  /** The language spoken when a call names none. */
  public String getLanguage() {
    return language;
  }

  /** Sets the language spoken when a call names none. */
  public EspeakOptions setLanguage(String language) {
    this.language = Json.requireText(language, "espeak language");
    return this;
  }

  /** The speaking speed in words per minute. */
  public int getSpeed() {
    return speed;
  }

  /** Sets the speaking speed, 80 to 450 words per minute as espeak-ng accepts. */
  public EspeakOptions setSpeed(int speed) {
    if (speed < 80 || speed > 450) {
      throw new IllegalArgumentException("espeak speed must be between 80 and 450 words per minute");
    }
    this.speed = speed;
    return this;
  }

  /** How long one synthesis may run before the process is killed. */
  public long getTimeoutMillis() {
    return timeoutMillis;
  }

  /** Sets how long one synthesis may run before the process is killed. */
  public EspeakOptions setTimeoutMillis(long timeoutMillis) {
    if (timeoutMillis <= 0) {
      throw new IllegalArgumentException("espeak timeoutMillis must be positive");
    }
    this.timeoutMillis = timeoutMillis;
    return this;
  }

  /** The longest text accepted, in characters. */
  public int getMaxTextLength() {
    return maxTextLength;
  }

  /** Sets the longest text accepted, in characters. */
  public EspeakOptions setMaxTextLength(int maxTextLength) {
    if (maxTextLength < 1) {
      throw new IllegalArgumentException("espeak maxTextLength must be positive");
    }
    this.maxTextLength = maxTextLength;
    return this;
  }

  /** The largest WAV output accepted, in bytes; a run that writes more is killed. */
  public int getMaxOutputBytes() {
    return maxOutputBytes;
  }

  /** Sets the largest WAV output accepted, in bytes. */
  public EspeakOptions setMaxOutputBytes(int maxOutputBytes) {
    if (maxOutputBytes < 1024) {
      throw new IllegalArgumentException("espeak maxOutputBytes must be at least 1024");
    }
    this.maxOutputBytes = maxOutputBytes;
    return this;
  }

  /** How many espeak-ng processes may run at once. */
  public int getPoolSize() {
    return poolSize;
  }

  /** Sets how many espeak-ng processes may run at once. */
  public EspeakOptions setPoolSize(int poolSize) {
    if (poolSize < 1) {
      throw new IllegalArgumentException("espeak poolSize must be positive");
    }
    this.poolSize = poolSize;
    return this;
  }

  /** The JSON form. */
  public JsonObject toJson() {
    return new JsonObject().put("command", command).put("voices", new JsonObject(Map.copyOf(voices)))
        .put("language", language).put("speed", speed).put("timeout_ms", timeoutMillis)
        .put("max_text_length", maxTextLength).put("max_output_bytes", maxOutputBytes).put("pool_size", poolSize);
  }
}
