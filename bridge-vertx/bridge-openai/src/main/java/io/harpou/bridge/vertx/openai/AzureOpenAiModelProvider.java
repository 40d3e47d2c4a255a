package io.harpou.bridge.vertx.openai;

import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.harpou.bridge.vertx.model.ModelProvider;
import io.harpou.bridge.vertx.model.Models;
import io.harpou.bridge.vertx.model.ProviderSection;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Azure OpenAI deployments, provider id {@code azure-openai}, through LangChain4j's OpenAI client shaped the way
 * Azure wants it: {@code POST {endpoint}/openai/deployments/{deployment}/chat/completions?api-version=...} with the
 * key in an {@code api-key} header (never as a bearer token). Section keys: {@code endpoint}
 * ({@code https://NAME.openai.azure.com}; required), {@code deployment} (required), {@code api_key} (required),
 * {@code api_version} ({@value #DEFAULT_API_VERSION}), {@code model} (the model family behind the deployment, for
 * its tokenizer; {@code gpt-4o}), {@code temperature} (0.2), {@code timeout_ms} (120000), {@code return_thinking}.
 */
public final class AzureOpenAiModelProvider implements ModelProvider {

  /** The provider id. */
  public static final String ID = "azure-openai";
  /** The generally available REST API version used when none is configured. */
  public static final String DEFAULT_API_VERSION = "2024-10-21";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public StreamingChatModel streamingChatModel(Vertx vertx, JsonObject config) {
    ProviderSection section = section(config);
    return OpenAiStreamingChatModel.builder().baseUrl(deploymentUrl(section))
        .customQueryParams(Map.of("api-version", apiVersion(config)))
        .customHeaders(Map.of("api-key", section.required("api_key")))
        .modelName(section.required("deployment")).temperature(section.streamingTemperature())
        .timeout(section.streamingTimeout()).returnThinking(section.returnThinking()).build();
  }

  @Override
  public ChatModel chatModel(Vertx vertx, JsonObject config) {
    ProviderSection section = section(config);
    return OpenAiChatModel.builder().baseUrl(deploymentUrl(section))
        .customQueryParams(Map.of("api-version", apiVersion(config)))
        .customHeaders(Map.of("api-key", section.required("api_key")))
        .modelName(section.required("deployment")).temperature(section.callTemperature())
        .timeout(section.callTimeout()).build();
  }

  @Override
  public TokenCountEstimator tokenCounter(JsonObject config) {
    return Tokenizers.forModel(section(config).model("gpt-4o"));
  }

  @Override
  public String describe(JsonObject config) {
    ProviderSection section = section(config);
    return "azure-openai deployment " + section.required("deployment") + " at "
        + Models.withoutCredentials(section.required("endpoint"));
  }

  /** {@code {endpoint}/openai/deployments/{deployment}}: the client adds {@code /chat/completions}. */
  private static String deploymentUrl(ProviderSection section) {
    String endpoint = section.required("endpoint");
    String trimmed = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    return trimmed + "/openai/deployments/" + section.required("deployment");
  }

  private static String apiVersion(JsonObject config) {
    return config.getString("api_version", DEFAULT_API_VERSION);
  }

  private static ProviderSection section(JsonObject config) {
    return new ProviderSection(config, "Azure OpenAI");
  }
}
