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
import io.harpou.bridge.vertx.model.ProviderSection;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Models from any OpenAI-compatible server (llama.cpp, vLLM, LM Studio, a hosted API), provider id {@code openai}.
 * Section keys: {@code url} (the base URL, up to {@code /v1}; required), {@code api_key}, {@code model}
 * ({@code gpt-4o-mini}), {@code temperature} (0.2), {@code timeout_ms} (120000), {@code return_thinking}.
 */
public final class OpenAiModelProvider implements ModelProvider {

  /** The provider id. */
  public static final String ID = "openai";
  private static final String CHAT_MODEL = "gpt-4o-mini";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public StreamingChatModel streamingChatModel(Vertx vertx, JsonObject config) {
    ProviderSection section = section(config);
    return OpenAiStreamingChatModel.builder().baseUrl(section.url()).apiKey(apiKey(config))
        .modelName(section.model(CHAT_MODEL)).temperature(section.streamingTemperature())
        .timeout(section.streamingTimeout()).returnThinking(section.returnThinking()).build();
  }

  @Override
  public ChatModel chatModel(Vertx vertx, JsonObject config) {
    ProviderSection section = section(config);
    return OpenAiChatModel.builder().baseUrl(section.url()).apiKey(apiKey(config))
        .modelName(section.model(CHAT_MODEL)).temperature(section.callTemperature())
        .timeout(section.callTimeout()).build();
  }

  @Override
  public EmbeddingModel embeddingModel(Vertx vertx, JsonObject config) {
    ProviderSection section = section(config);
    return OpenAiEmbeddingModel.builder().baseUrl(section.url()).apiKey(apiKey(config))
        .modelName(section.model("text-embedding-3-small")).timeout(section.callTimeout()).build();
  }

  @Override
  public TokenCountEstimator tokenCounter(JsonObject config) {
    return Tokenizers.forModel(section(config).model(CHAT_MODEL));
  }

  @Override
  public String describe(JsonObject config) {
    ProviderSection section = section(config);
    return "openai-compatible " + section.model(CHAT_MODEL) + " at " + Models.withoutCredentials(section.url());
  }

  private static ProviderSection section(JsonObject config) {
    return new ProviderSection(config, "OpenAI-compatible");
  }

  /** A local server often wants no key; the client still needs one to send. */
  private static String apiKey(JsonObject config) {
    return config.getString("api_key", "none");
  }
}
