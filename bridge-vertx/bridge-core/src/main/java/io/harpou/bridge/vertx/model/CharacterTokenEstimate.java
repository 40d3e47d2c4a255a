package io.harpou.bridge.vertx.model;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.TokenCountEstimator;

/**
 * A token count for model families whose tokenizer is not at hand (Llama, Qwen, Mistral through Ollama): one token
 * for every three characters, rounded up, plus four per message for the role markers. Their tokenizers average close
 * to four characters a token in English and French, so this overcounts by about a quarter, which is the safe side for
 * fitting a prompt to a window.
 */
public final class CharacterTokenEstimate implements TokenCountEstimator {

  private static final int CHARACTERS_PER_TOKEN = 3;
  private static final int PER_MESSAGE = 4;

  @Override
  public int estimateTokenCountInText(String text) {
    return text == null ? 0 : (text.length() + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN;
  }

  @Override
  public int estimateTokenCountInMessage(ChatMessage message) {
    return PER_MESSAGE + estimateTokenCountInText(textOf(message));
  }

  @Override
  public int estimateTokenCountInMessages(Iterable<ChatMessage> messages) {
    int total = 0;
    for (ChatMessage message : messages) {
      total += estimateTokenCountInMessage(message);
    }
    return total;
  }

  private static String textOf(ChatMessage message) {
    if (message instanceof SystemMessage system) {
      return system.text();
    }
    if (message instanceof UserMessage user) {
      return user.hasSingleText() ? user.singleText() : user.contents().toString();
    }
    if (message instanceof ToolExecutionResultMessage result) {
      return result.toolName() + " " + result.text();
    }
    if (message instanceof AiMessage ai) {
      StringBuilder text = new StringBuilder(ai.text() == null ? "" : ai.text());
      if (ai.hasToolExecutionRequests()) {
        ai.toolExecutionRequests().forEach(r -> text.append(' ').append(r.name()).append(' ').append(r.arguments()));
      }
      return text.toString();
    }
    return String.valueOf(message);
  }
}
