package io.harpou.bridge.vertx.agent.impl;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.harpou.bridge.api.Providers;
import io.harpou.bridge.vertx.agent.AgentOptions;
import io.harpou.bridge.vertx.agent.ChatModelProvider;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

/**
 * Builds the configured model client: the named {@link ChatModelProvider}, else Ollama when {@code ollama.url} is set,
 * else OpenAI-compatible, else none.
 */
public final class Models {

  private static final long DEFAULT_TIMEOUT_MS = 120_000;

  private Models() {
  }

  /**
   * The backend for {@code options}, empty when no model is configured.
   *
   * @throws IllegalArgumentException when the named provider is not on the class path or refuses its section
   */
  public static Optional<ChatBackend> create(Vertx vertx, AgentOptions options) {
    JsonObject provider = options.getProvider();
    String id = provider.getString("id");
    if (id != null) {
      ChatModelProvider chosen = Providers.load(ChatModelProvider.class, ChatModelProvider::id).get(id);
      if (chosen == null) {
        throw new IllegalArgumentException("no chat model provider '" + id + "' on the class path");
      }
      return Optional.of(new ChatBackend(vertx, chosen.create(vertx, provider), "provider " + id));
    }
    JsonObject ollama = options.getOllama();
    if (ollama.getString("url") != null) {
      String model = ollama.getString("model", "llama3.2");
      OllamaStreamingChatModel.OllamaStreamingChatModelBuilder builder = OllamaStreamingChatModel.builder()
          .baseUrl(ollama.getString("url")).modelName(model)
          .temperature(ollama.getDouble("temperature", 0.2))
          .timeout(Duration.ofMillis(ollama.getLong("timeout_ms", DEFAULT_TIMEOUT_MS)))
          .returnThinking(ollama.getBoolean("return_thinking", false));
      if (ollama.getInteger("num_ctx") != null) {
        builder.numCtx(ollama.getInteger("num_ctx"));
      }
      if (ollama.getBoolean("think") != null) {
        builder.think(ollama.getBoolean("think"));
      }
      if (ollama.getInteger("keep_alive") != null) {
        builder.defaultRequestParameters(OllamaChatRequestParameters.builder()
            .keepAlive(ollama.getInteger("keep_alive")).build());
      }
      return Optional.of(new ChatBackend(vertx, builder.build(), "ollama " + model + " at "
          + withoutCredentials(ollama.getString("url"))));
    }
    JsonObject openai = options.getOpenai();
    if (openai.getString("url") != null) {
      String model = openai.getString("model", "gpt-4o-mini");
      StreamingChatModel client = OpenAiStreamingChatModel.builder().baseUrl(openai.getString("url"))
          .apiKey(openai.getString("api_key", "none")).modelName(model)
          .temperature(openai.getDouble("temperature", 0.2))
          .timeout(Duration.ofMillis(openai.getLong("timeout_ms", DEFAULT_TIMEOUT_MS)))
          .returnThinking(openai.getBoolean("return_thinking", false)).build();
      return Optional.of(new ChatBackend(vertx, client, "openai-compatible " + model + " at "
          + withoutCredentials(openai.getString("url"))));
    }
    return Optional.empty();
  }

  /** The URL as logs, {@code /health} and replies may show it: without any user and password in it. */
  static String withoutCredentials(String url) {
    try {
      URI uri = URI.create(url);
      return uri.getUserInfo() == null ? url
          : new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
    } catch (IllegalArgumentException | URISyntaxException e) {
      return "(malformed URL)";
    }
  }
}
