package io.harpou.bridge.vertx.ollama;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import io.harpou.bridge.vertx.model.ModelProvider;
import io.harpou.bridge.vertx.model.Models;
import io.harpou.bridge.vertx.model.ProviderSection;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Models from an Ollama server, provider id {@code ollama}. Section keys: {@code url} (required), {@code model}
 * ({@code llama3.2}), {@code temperature} (0.2), {@code timeout_ms} (120000), {@code num_ctx}, {@code keep_alive}
 * (seconds), {@code think}, {@code return_thinking}.
 */
public final class OllamaModelProvider implements ModelProvider {

  /** The provider id. */
  public static final String ID = "ollama";
  private static final String CHAT_MODEL = "llama3.2";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public StreamingChatModel streamingChatModel(Vertx vertx, JsonObject config) {
    ProviderSection section = section(config);
    OllamaStreamingChatModel.OllamaStreamingChatModelBuilder builder = OllamaStreamingChatModel.builder()
        .baseUrl(section.url()).modelName(section.model(CHAT_MODEL))
        .temperature(section.streamingTemperature()).timeout(section.streamingTimeout())
        .returnThinking(section.returnThinking());
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
  public ChatRequestParameters thinking(boolean think) {
    return OllamaChatRequestParameters.builder().think(think).build();
  }

  @Override
  public ChatModel chatModel(Vertx vertx, JsonObject config) {
    ProviderSection section = section(config);
    return OllamaChatModel.builder().baseUrl(section.url()).modelName(section.model(CHAT_MODEL))
        .temperature(section.callTemperature()).timeout(section.callTimeout()).build();
  }

  @Override
  public EmbeddingModel embeddingModel(Vertx vertx, JsonObject config) {
    ProviderSection section = section(config);
    return OllamaEmbeddingModel.builder().baseUrl(section.url()).modelName(section.model("all-minilm"))
        .timeout(section.callTimeout()).build();
  }

  @Override
  public String describe(JsonObject config) {
    ProviderSection section = section(config);
    return "ollama " + section.model(CHAT_MODEL) + " at " + Models.withoutCredentials(section.url());
  }

  private static ProviderSection section(JsonObject config) {
    return new ProviderSection(config, "Ollama");
  }
}
