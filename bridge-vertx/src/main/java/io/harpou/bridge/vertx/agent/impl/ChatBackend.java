package io.harpou.bridge.vertx.agent.impl;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.harpou.bridge.api.BridgeException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * One model call through a LangChain4j streaming client. The client calls back on its own threads; every callback is
 * moved onto the Vert.x context that made the call, so the loop never shares state across threads.
 */
public final class ChatBackend {

  /** Receives streamed fragments on the caller's context. */
  public interface Stream {
    /** A fragment of answer text ({@code reasoning} false) or of the model's reasoning (true). */
    void fragment(String text, boolean reasoning);
  }

  private final Vertx vertx;
  private final StreamingChatModel model;
  private final String description;

  /** Wraps {@code model}; {@code description} says which model it is, for health and logs. */
  public ChatBackend(Vertx vertx, StreamingChatModel model, String description) {
    this.vertx = vertx;
    this.model = model;
    this.description = description;
  }

  /** Which model this is, for {@code /health}. */
  public String description() {
    return description;
  }

  /** Sends one request; fails with {@link BridgeException} carrying the client's error. */
  public Future<ChatResponse> chat(ChatRequest request, Stream stream) {
    Context context = vertx.getOrCreateContext();
    Promise<ChatResponse> promise = Promise.promise();
    try {
      model.chat(request, new StreamingChatResponseHandler() {
        @Override
        public void onPartialResponse(String partial) {
          context.runOnContext(v -> stream.fragment(partial, false));
        }

        @Override
        public void onPartialThinking(PartialThinking thinking) {
          context.runOnContext(v -> stream.fragment(thinking.text(), true));
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
          context.runOnContext(v -> promise.tryComplete(response));
        }

        @Override
        public void onError(Throwable error) {
          context.runOnContext(v -> promise.tryFail(new BridgeException("the language model failed: "
              + error.getMessage(), error)));
        }
      });
    } catch (RuntimeException e) {
      promise.tryFail(new BridgeException("the language model request could not be sent: " + e.getMessage(), e));
    }
    return promise.future();
  }
}
