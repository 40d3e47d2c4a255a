package io.harpou.bridge.vertx.ollama;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import io.harpou.bridge.vertx.model.ModelProvider;
import io.harpou.bridge.vertx.model.Models;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * Models from an Ollama server, provider id {@code ollama}. Section keys: {@code url} (required), {@code model}
 * ({@code llama3.2}), {@code temperature} (0.2), {@code timeout_ms} (120000), {@code num_ctx}, {@code keep_alive}
 * (seconds), {@code think}, {@code return_thinking}.
 */
public final class OllamaModelProvider implements ModelProvider {

  /** The provider id. */
  public static final String ID = "ollama";
  private static final long DEFAULT_TIMEOUT_MS = 120_000;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public StreamingChatModel streamingChatModel(Vertx vertx, JsonObject config) {
    OllamaStreamingChatModel.OllamaStreamingChatModelBuilder builder = OllamaStreamingChatModel.builder()
        .baseUrl(url(config)).modelName(model(config))
        .temperature(config.getDouble("temperature", 0.2))
        .timeout(Duration.ofMillis(config.getLong("timeout_ms", DEFAULT_TIMEOUT_MS)))
        .returnThinking(config.getBoolean("return_thinking", false));
    if (config.getInteger("num_ctx") != null) {
      builder.numCtx(config.getInteger("num_ctx"));
    }
    if (config.getBoolean("think") != null) {
      builder.think(config.getBoolean("think"));
    }
    if (config.getInteger("keep_alive") != null) {
      builder.defaultRequestParameters(OllamaChatRequestParameters.builder()
          .keepAlive(config.getInteger("keep_alive")).build());
    }
    return builder.build();
  }

  @Override
  public ChatModel chatModel(Vertx vertx, JsonObject config) {
    return OllamaChatModel.builder().baseUrl(url(config)).modelName(model(config))
        .temperature(config.getDouble("temperature", 0.0))
        .timeout(Duration.ofMillis(config.getLong("timeout_ms", 60_000L))).build();
  }

  @Override
  public EmbeddingModel embeddingModel(Vertx vertx, JsonObject config) {
    return OllamaEmbeddingModel.builder().baseUrl(url(config)).modelName(config.getString("model", "all-minilm"))
        .timeout(Duration.ofMillis(config.getLong("timeout_ms", 60_000L))).build();
  }

  @Override
  public String describe(JsonObject config) {
    return "ollama " + model(config) + " at " + Models.withoutCredentials(url(config));
  }

  private static String url(JsonObject config) {
    String url = config.getString("url");
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("the Ollama provider needs a url");
    }
    return url;
  }

  private static String model(JsonObject config) {
    return config.getString("model", "llama3.2");
  }
}
