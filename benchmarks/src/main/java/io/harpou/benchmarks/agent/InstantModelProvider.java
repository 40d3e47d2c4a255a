package io.harpou.benchmarks.agent;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;
import io.harpou.bridge.vertx.model.ModelProvider;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * A model that answers at once, in process, on the calling thread (provider id {@code instant}): with it a turn's
 * time is the agent's own work per model step, the model excluded by construction.
 */
public final class InstantModelProvider implements ModelProvider {

  static final String ANSWER = "It is done.";

  @Override
  public String id() {
    return "instant";
  }

  @Override
  public StreamingChatModel streamingChatModel(Vertx vertx, JsonObject config) {
    return new StreamingChatModel() {
      @Override
      public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        handler.onPartialResponse(ANSWER);
        handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from(ANSWER))
            .tokenUsage(new TokenUsage(request.messages().size(), 3)).build());
      }
    };
  }
}
