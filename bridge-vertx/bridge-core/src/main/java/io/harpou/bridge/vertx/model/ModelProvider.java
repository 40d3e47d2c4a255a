package io.harpou.bridge.vertx.model;

import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Supplies language and embedding models from one kind of server or engine (Ollama, an OpenAI-compatible server, a
 * local engine, a test stub), as LangChain4j clients. Providers are found by {@link io.harpou.bridge.api.Providers}
 * (list the class in {@code META-INF/services/io.harpou.bridge.vertx.model.ModelProvider}); a configuration names
 * one by its {@link #id()}:
 *
 * <pre>{@code
 * "agent": {"provider": {"id": "my-model", "anything": "else the provider reads"}}
 * "memory": {"embeddings": {"provider": "openai", "url": "...", "model": "..."}}
 * }</pre>
 *
 * <p>Every method is called once at start, on an event loop, so it must not block; the models' own calls may block or
 * stream from any thread: callers run blocking calls on worker threads and move callbacks back to their context.
 */
public interface ModelProvider {

  /** The name configurations use to choose this provider ({@code ollama}, {@code openai}). */
  String id();

  /**
   * The streaming chat model the agent talks to.
   *
   * @param config the provider's section ({@code url}, {@code model}, and its own keys)
   * @throws IllegalArgumentException when the section is unusable; the agent then fails to start with the reason
   */
  StreamingChatModel streamingChatModel(Vertx vertx, JsonObject config);

  /**
   * A blocking chat model, for short requests such as extracting facts.
   *
   * @throws IllegalArgumentException when the section is unusable or the provider has none
   */
  default ChatModel chatModel(Vertx vertx, JsonObject config) {
    throw new IllegalArgumentException("model provider '" + id() + "' offers no blocking chat model");
  }

  /**
   * An embedding model, for memory and documents.
   *
   * @throws IllegalArgumentException when the section is unusable or the provider has none
   */
  default EmbeddingModel embeddingModel(Vertx vertx, JsonObject config) {
    throw new IllegalArgumentException("model provider '" + id() + "' offers no embedding model");
  }

  /**
   * The request parameters that turn this model's thinking on or off for one request, so a household can change it
   * without a restart; null when the model has no such switch (the request is then sent as it is).
   */
  default ChatRequestParameters thinking(boolean think) {
    return null;
  }

  /**
   * Counts tokens as this model family does, so that a prompt is fitted to the model's window before it is sent. The
   * default is {@link CharacterTokenEstimate}, a cautious estimate for families whose tokenizer is not known here.
   */
  default TokenCountEstimator tokenCounter(JsonObject config) {
    return new CharacterTokenEstimate();
  }

  /**
   * Which model this section names, for {@code /health}, logs and replies ({@code ollama qwen3:8b at http://...}),
   * never with credentials.
   */
  default String describe(JsonObject config) {
    return "provider " + id();
  }
}
