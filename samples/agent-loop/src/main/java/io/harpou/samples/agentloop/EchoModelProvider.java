package io.harpou.samples.agentloop;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.harpou.bridge.vertx.model.ModelProvider;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

// tag::model-provider[]
/**
 * A model provider (id {@code echo}) whose model repeats the question with the section's {@code prefix}; listed in
 * {@code META-INF/services/io.harpou.bridge.vertx.model.ModelProvider} and chosen by
 * {@code "agent": {"provider": {"id": "echo", "prefix": "You asked: "}}}.
 */
public final class EchoModelProvider implements ModelProvider {

  @Override
  public String id() {
    return "echo";
  }

  @Override
  public StreamingChatModel streamingChatModel(Vertx vertx, JsonObject config) {
    String prefix = config.getString("prefix", "");
    return new StreamingChatModel() {
      @Override
      public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        ChatMessage last = request.messages().get(request.messages().size() - 1);
        String answer = prefix + (last instanceof UserMessage user ? user.singleText() : "");
        handler.onPartialResponse(answer);
        handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from(answer)).build());
      }
    };
  }

  @Override
  public String describe(JsonObject config) {
    return "echo";
  }
}
// end::model-provider[]
