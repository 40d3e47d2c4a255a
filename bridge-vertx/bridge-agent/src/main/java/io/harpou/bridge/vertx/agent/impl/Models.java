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
    JsonObject section;
    String id;
    if (options.getProvider().getString("id") != null) {
      section = options.getProvider();
      id = section.getString("id");
    } else if (options.getOllama().getString("url") != null) {
      section = options.getOllama();
      id = "ollama";
    } else if (options.getOpenai().getString("url") != null) {
      section = options.getOpenai();
      id = "openai";
    } else {
      return Optional.empty();
    }
    ModelProvider provider = io.harpou.bridge.vertx.model.Models.provider(id);
    return Optional.of(new ChatBackend(vertx, provider.streamingChatModel(vertx, section),
        provider.describe(section)));
  }
}
