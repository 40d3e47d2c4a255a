package io.harpou.bridge.vertx.openai;

import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.harpou.bridge.vertx.model.ModelProvider;
import io.harpou.bridge.vertx.model.Models;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * Models from any OpenAI-compatible server (llama.cpp, vLLM, LM Studio, a hosted API), provider id {@code openai}.
 * Section keys: {@code url} (the base URL, up to {@code /v1}; required), {@code api_key}, {@code model}
 * ({@code gpt-4o-mini}), {@code temperature} (0.2), {@code timeout_ms} (120000), {@code return_thinking}.
 */
public final class OpenAiModelProvider implements ModelProvider {

  /** The provider id. */
  public static final String ID = "openai";
  private static final long DEFAULT_TIMEOUT_MS = 120_000;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public StreamingChatModel streamingChatModel(Vertx vertx, JsonObject config) {
    return OpenAiStreamingChatModel.builder().baseUrl(url(config)).apiKey(config.getString("api_key", "none"))
        .modelName(model(config)).temperature(config.getDouble("temperature", 0.2))
        .timeout(Duration.ofMillis(config.getLong("timeout_ms", DEFAULT_TIMEOUT_MS)))
        .returnThinking(config.getBoolean("return_thinking", false)).build();
  }

  @Override
  public ChatModel chatModel(Vertx vertx, JsonObject config) {
    return OpenAiChatModel.builder().baseUrl(url(config)).apiKey(config.getString("api_key", "none"))
        .modelName(model(config)).temperature(config.getDouble("temperature", 0.0))
        .timeout(Duration.ofMillis(config.getLong("timeout_ms", 60_000L))).build();
  }

  @Override
  public EmbeddingModel embeddingModel(Vertx vertx, JsonObject config) {
    return OpenAiEmbeddingModel.builder().baseUrl(url(config)).apiKey(config.getString("api_key", "none"))
        .modelName(config.getString("model", "text-embedding-3-small"))
        .timeout(Duration.ofMillis(config.getLong("timeout_ms", 60_000L))).build();
  }

  @Override
  public TokenCountEstimator tokenCounter(JsonObject config) {
    return Tokenizers.forModel(model(config));
  }

  @Override
  public String describe(JsonObject config) {
    return "openai-compatible " + model(config) + " at " + Models.withoutCredentials(url(config));
  }

  private static String url(JsonObject config) {
    String url = config.getString("url");
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("the OpenAI-compatible provider needs a url");
    }
    return url;
  }

  private static String model(JsonObject config) {
    return config.getString("model", "gpt-4o-mini");
  }
}
