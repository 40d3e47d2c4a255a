package io.harpou.bridge.vertx.agent.impl;

import io.harpou.bridge.vertx.agent.AgentOptions;
import io.harpou.bridge.vertx.model.ModelProvider;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Builds the configured model client through its {@link ModelProvider}: the one {@code provider.id} names, else
 * {@code ollama} when {@code ollama.url} is set, else {@code openai} when {@code openai.url} is set, else none.
 */
final class Models {

  private Models() {
  }

  /**
   * The backend for {@code options}, empty when no model is configured.
   *
   * @throws IllegalArgumentException when the provider is not on the class path or refuses its section
   */
  static Optional<ChatBackend> create(Vertx vertx, AgentOptions options) {
    Optional<String> id = options.getModelProviderId();
    if (id.isEmpty()) {
      return Optional.empty();
    }
    JsonObject section = options.getModelSection();
    ModelProvider provider = io.harpou.bridge.vertx.model.Models.provider(id.get());
    return Optional.of(new ChatBackend(vertx, provider.streamingChatModel(vertx, section),
        provider.describe(section)));
  }
}
