package io.harpou.bridge.vertx.model;

import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * The keys every model provider's section shares, read in one place so that each provider has the same defaults and
 * the same errors: a streaming chat (the agent's) answers at temperature 0.2 within two minutes, a plain call (fact
 * extraction, embeddings) at temperature 0 within one.
 *
 * @param config the provider's section
 * @param provider the provider's name in errors, such as {@code Ollama}
 */
public record ProviderSection(JsonObject config, String provider) {

  /** How long a streamed answer may take by default. */
  public static final long STREAMING_TIMEOUT_MS = 120_000;
  /** How long a plain call may take by default. */
  public static final long CALL_TIMEOUT_MS = 60_000;

  /**
   * The value of {@code key}.
   *
   * @throws IllegalArgumentException naming the provider and the key when it is missing or blank
   */
  public String required(String key) {
    String value = config.getString(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the " + provider + " provider needs " + key);
    }
    return value;
  }

  /** The server's base URL ({@code url}, required). */
  public String url() {
    return required("url");
  }

  /** The model's name ({@code model}), or {@code fallback}. */
  public String model(String fallback) {
    return config.getString("model", fallback);
  }

  /** The agent's temperature ({@code temperature}, 0.2). */
  public double streamingTemperature() {
    return config.getDouble("temperature", 0.2);
  }

  /** A plain call's temperature ({@code temperature}, 0). */
  public double callTemperature() {
    return config.getDouble("temperature", 0.0);
  }

  /** How long a streamed answer may take ({@code timeout_ms}, two minutes). */
  public Duration streamingTimeout() {
    return Duration.ofMillis(config.getLong("timeout_ms", STREAMING_TIMEOUT_MS));
  }

  /** How long a plain call may take ({@code timeout_ms}, one minute). */
  public Duration callTimeout() {
    return Duration.ofMillis(config.getLong("timeout_ms", CALL_TIMEOUT_MS));
  }

  /** Whether the model's thinking is passed on ({@code return_thinking}, false). */
  public boolean returnThinking() {
    return config.getBoolean("return_thinking", false);
  }
}
