package io.harpou.bridge.vertx.agent;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.harpou.bridge.vertx.model.ModelProvider;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** An in-process model for the provider test: it turns on the light its section names, then says what it did. */
public final class StubModelProvider implements ModelProvider {

  @Override
  public String id() {
    return "stub";
  }

  @Override
  public StreamingChatModel streamingChatModel(Vertx vertx, JsonObject config) {
    String entity = config.getString("light");
    if (entity == null) {
      throw new IllegalArgumentException("the stub needs a light");
    }
    return new StreamingChatModel() {
      @Override
      public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        List<ChatMessage> messages = request.messages();
        if (messages.get(messages.size() - 1) instanceof ToolExecutionResultMessage result) {
          handler.onPartialResponse("Stub: ");
          handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from("Stub: " + result.text()))
              .build());
        } else {
          handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from(List.of(
              ToolExecutionRequest.builder().id("s1").name("light_on")
                  .arguments(new JsonObject().put("entity_id", entity).encode()).build()))).build());
        }
      }
    };
  }
}
