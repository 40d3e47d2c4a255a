package io.harpou.bridge.vertx.agent.impl;

import io.harpou.bridge.api.vision.VisionModel;
import io.harpou.bridge.vertx.agent.AgentOptions;
import io.harpou.bridge.vertx.model.ModelProvider;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Builds the configured model clients through their {@link ModelProvider}: the agent's is the one
 * {@link AgentOptions#getModelProviderId()} chooses, with its section; the vision model is {@code vision}'s, over the
 * agent's section when both use one provider.
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
    return options.getModelProviderId().map(id -> {
      JsonObject section = options.getModelSection();
      ModelProvider provider = io.harpou.bridge.vertx.model.Models.provider(id);
      return new ChatBackend(vertx, provider.streamingChatModel(vertx, section), provider.describe(section));
    });
  }

  /**
   * The vision model {@code vision} names, empty when it names no model.
   *
   * @throws IllegalArgumentException when the provider is not on the class path or refuses its section
   */
  static Optional<VisionModel> vision(Vertx vertx, AgentOptions options) {
    JsonObject vision = options.getVision();
    if (vision.getString("model") == null) {
      return Optional.empty();
    }
    Optional<String> agent = options.getModelProviderId();
    String id = vision.getString("provider", agent.orElse("ollama"));
    JsonObject section = agent.filter(id::equals).map(a -> options.getModelSection()).orElseGet(JsonObject::new)
        .mergeIn(vision);
    section.remove("provider");
    ModelProvider provider = io.harpou.bridge.vertx.model.Models.provider(id);
    return Optional.of(new ModelVision(vertx, provider.chatModel(vertx, section), provider.describe(section)));
  }
}
