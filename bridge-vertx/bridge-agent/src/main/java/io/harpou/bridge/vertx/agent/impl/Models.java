package io.harpou.bridge.vertx.agent.impl;

import io.harpou.bridge.api.vision.VisionModel;
import io.harpou.bridge.vertx.agent.AgentOptions;
import io.harpou.bridge.vertx.model.ModelProvider;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Builds the configured model clients through their {@link ModelProvider}: the agent's is the one {@code provider.id}
 * names, else {@code ollama} when {@code ollama.url} is set, else {@code openai} when {@code openai.url} is set, else
 * none; the vision model is {@code vision}'s, over the agent's section when both use one provider.
 */
final class Models {

  private record Choice(String id, JsonObject section) {
  }

  private Models() {
  }

  /**
   * The backend for {@code options}, empty when no model is configured.
   *
   * @throws IllegalArgumentException when the provider is not on the class path or refuses its section
   */
  static Optional<ChatBackend> create(Vertx vertx, AgentOptions options) {
    return chosen(options).map(choice -> {
      ModelProvider provider = io.harpou.bridge.vertx.model.Models.provider(choice.id());
      return new ChatBackend(vertx, provider.streamingChatModel(vertx, choice.section()),
          provider.describe(choice.section()));
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
    Optional<Choice> agent = chosen(options);
    String id = vision.getString("provider", agent.map(Choice::id).orElse("ollama"));
    JsonObject section = agent.filter(a -> a.id().equals(id)).map(Choice::section).orElseGet(JsonObject::new)
        .mergeIn(vision);
    section.remove("provider");
    ModelProvider provider = io.harpou.bridge.vertx.model.Models.provider(id);
    return Optional.of(new ModelVision(vertx, provider.chatModel(vertx, section), provider.describe(section)));
  }

  private static Optional<Choice> chosen(AgentOptions options) {
    if (options.getProvider().getString("id") != null) {
      return Optional.of(new Choice(options.getProvider().getString("id"), options.getProvider()));
    } else if (options.getOllama().getString("url") != null) {
      return Optional.of(new Choice("ollama", options.getOllama()));
    } else if (options.getOpenai().getString("url") != null) {
      return Optional.of(new Choice("openai", options.getOpenai()));
    }
    return Optional.empty();
  }
}
