package io.harpou.bridge.vertx.models.impl;

import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.harpou.bridge.vertx.models.ModelFailure;
import io.harpou.bridge.vertx.models.ModelSpec;
import io.harpou.bridge.vertx.models.ModelStream;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Function;

/**
 * One configured model's LangChain4j streaming client and tokenizer. The client calls back on its own threads; every
 * callback is moved onto the Vert.x context that made the call, so callers never share state across threads.
 *
 * @param spec the model's configuration
 * @param model the client
 * @param counter the tokenizer of the model's family, or an estimate
 * @param description which model it is and where, without credentials
 * @param toolTokens the tokens of the tools offered, counted with {@code counter}
 * @param thinking the request parameters that turn thinking on or off (null when the model has no such switch)
 */
public record ModelClient(ModelSpec spec, StreamingChatModel model, TokenCountEstimator counter,
                          String description, ToolTokens toolTokens,
                          Function<Boolean, ChatRequestParameters> thinking) {

  /**
   * A client whose tool definitions are counted with {@code counter}; {@code thinking} gives the parameters that turn
   * the model's thinking on or off for a request, or null when it has no such switch.
   */
  public ModelClient(ModelSpec spec, StreamingChatModel model, TokenCountEstimator counter, String description,
                     Function<Boolean, ChatRequestParameters> thinking) {
    this(spec, model, counter, description, new ToolTokens(counter), thinking);
  }

  /** Sends one request; fails with {@link ModelFailure} saying what went wrong. */
  public Future<ChatResponse> chat(Vertx vertx, ChatRequest request, ModelStream stream) {
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
          context.runOnContext(v -> promise.tryFail(ModelFailure.of(description, error)));
        }
      });
    } catch (RuntimeException e) {
      promise.tryFail(ModelFailure.of(description, e));
    }
    return promise.future();
  }
}
