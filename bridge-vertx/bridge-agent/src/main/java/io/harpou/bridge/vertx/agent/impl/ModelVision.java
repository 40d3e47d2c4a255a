package io.harpou.bridge.vertx.agent.impl;

import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.vision.VisionModel;
import io.harpou.bridge.vertx.model.ModelProvider;
import io.harpou.bridge.vertx.model.Models;
import io.harpou.bridge.vertx.models.ModelSpec;
import io.harpou.bridge.vertx.models.ModelsOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Base64;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * A vision model through a LangChain4j chat client: the question and the images in one user message (Ollama receives
 * them in its {@code images} field, an OpenAI-compatible server as image content parts). The client blocks, so each
 * question runs on a worker thread.
 */
final class ModelVision implements VisionModel {

  private final Vertx vertx;
  private final ChatModel model;
  private final String description;

  ModelVision(Vertx vertx, ChatModel model, String description) {
    this.vertx = vertx;
    this.model = model;
    this.description = description;
  }

  /**
   * The vision model an {@code agent.vision} section describes among {@code models} (see
   * {@link ModelsOptions#vision}), empty when it names none.
   *
   * @throws IllegalArgumentException when its model or provider is unknown, or the provider refuses its section
   */
  static Optional<VisionModel> create(Vertx vertx, ModelsOptions models, JsonObject vision) {
    return models.vision(vision).map(spec -> {
      ModelProvider provider = Models.provider(spec.provider());
      return new ModelVision(vertx, provider.chatModel(vertx, spec.section()), provider.describe(spec.section()));
    });
  }

  @Override
  public Future<String> ask(String question, List<Image> images, String language) {
    List<Content> contents = new ArrayList<>();
    contents.add(TextContent.from(question));
    for (Image image : images) {
      contents.add(ImageContent.from(Base64.getEncoder().encodeToString(image.bytes().getBytes()),
          image.contentType()));
    }
    SystemMessage instructions = SystemMessage.from("You describe what images show, truthfully and briefly, in the "
        + "language whose tag is " + language + ". Say when you cannot tell.");
    return vertx.executeBlocking(() -> model.chat(instructions, UserMessage.from(contents)).aiMessage().text(), false)
        .recover(e -> Future.failedFuture(new BridgeException("the vision model (" + description + ") failed: "
            + e.getMessage(), e)));
  }

  @Override
  public String description() {
    return description;
  }
}
