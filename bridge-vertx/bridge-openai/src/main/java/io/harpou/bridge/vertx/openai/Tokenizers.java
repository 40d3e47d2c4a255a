package io.harpou.bridge.vertx.openai;

import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;

/** OpenAI's own tokenizers (jtokkit), chosen by model name. */
final class Tokenizers {

  /** A current OpenAI model whose tokenizer (o200k) stands in for names jtokkit does not know. */
  private static final String STAND_IN = "gpt-4o";

  private Tokenizers() {
  }

  /**
   * The tokenizer of {@code model}; for a name jtokkit does not know (a deployment name, a model served by llama.cpp)
   * that of GPT-4o, the family an OpenAI-compatible or Azure deployment most often is.
   */
  static TokenCountEstimator forModel(String model) {
    try {
      return new OpenAiTokenCountEstimator(model);
    } catch (RuntimeException unknownModel) {
      return new OpenAiTokenCountEstimator(STAND_IN);
    }
  }
}
