package io.harpou.bridge.vertx.models;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.TokenCountEstimator;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits a prompt to a model's window before it is sent, counting tokens with the model family's tokenizer: the system
 * message, the turn's own messages (the request, tool calls and their results) and the tool definitions are kept
 * whole, and the conversation's history is kept from its newest message back for as long as it fits. A prompt whose
 * kept parts alone exceed the window does not fit at all.
 */
public final class ContextFit {

  /** What fitting a prompt gives: the prompt to send, or how far it overflows. */
  public sealed interface Result permits Fitted, Overflow {
  }

  /**
   * A prompt as it will be sent.
   *
   * @param messages the messages kept
   * @param tokens their tokens and the tool definitions', as counted
   * @param droppedHistory how many history messages were left out
   */
  public record Fitted(List<ChatMessage> messages, int tokens, int droppedHistory) implements Result {
  }

  /**
   * The kept parts alone exceed the budget.
   *
   * @param tokens what the kept parts need
   * @param budget what the window leaves for the prompt
   */
  public record Overflow(int tokens, int budget) implements Result {
  }

  private ContextFit() {
  }

  /**
   * Fits {@code messages} to {@code budget} tokens.
   *
   * @param messages the system message first, then the history, then from {@code historyEnd} the turn's messages
   * @param historyEnd the index of the turn's first message (1 when there is no history)
   * @param toolTokens the tokens of the tool definitions offered
   * @return the fitted prompt, or an {@link Overflow} when even the kept parts do not fit
   */
  public static Result fit(List<ChatMessage> messages, int historyEnd, int toolTokens, TokenCountEstimator counter,
                           int budget) {
    int fixed = counter.estimateTokenCountInMessage(messages.get(0)) + toolTokens;
    for (int i = historyEnd; i < messages.size(); i++) {
      fixed += counter.estimateTokenCountInMessage(messages.get(i));
    }
    if (fixed > budget) {
      return new Overflow(fixed, budget);
    }
    int used = fixed;
    int keepFrom = historyEnd;
    while (keepFrom > 1) {
      int cost = counter.estimateTokenCountInMessage(messages.get(keepFrom - 1));
      if (used + cost > budget) {
        break;
      }
      used += cost;
      keepFrom--;
    }
    List<ChatMessage> kept = new ArrayList<>(messages.size() - (keepFrom - 1));
    kept.add(messages.get(0));
    kept.addAll(messages.subList(keepFrom, messages.size()));
    return new Fitted(kept, used, keepFrom - 1);
  }
}
