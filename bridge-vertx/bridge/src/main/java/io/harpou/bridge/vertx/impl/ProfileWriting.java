package io.harpou.bridge.vertx.impl;

import dev.langchain4j.model.chat.ChatModel;
import io.harpou.bridge.vertx.model.Models;
import io.harpou.bridge.vertx.models.ModelSpec;
import io.harpou.bridge.vertx.models.ModelsOptions;
import io.harpou.bridge.vertx.models.Router;
import io.vertx.core.Vertx;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the profiles API needs of the configured models: the names a profile may name, and a model to write one. */
final class ProfileWriting {

  private static final Logger LOG = LoggerFactory.getLogger(ProfileWriting.class);

  private ProfileWriting() {
  }

  /** The named models a profile may name. */
  static Set<String> modelNames(ModelsOptions models) {
    return models.models().stream().map(ModelSpec::name).collect(Collectors.toSet());
  }

  /**
   * The strong model as a blocking chat model, to write profiles from descriptions (an open task, as the router sees
   * it); null without models.
   */
  static ChatModel writer(Vertx vertx, ModelsOptions models) {
    if (!models.hasModels()) {
      return null;
    }
    String strong = new Router(models.routing(), models.models()).strong();
    ModelSpec spec = models.models().stream().filter(m -> m.name().equals(strong)).findFirst().orElseThrow();
    try {
      return Models.provider(spec.provider()).chatModel(vertx, spec.section());
    } catch (IllegalArgumentException e) {
      LOG.warn("Profiles cannot be generated: {}", e.getMessage());
      return null;
    }
  }
}
