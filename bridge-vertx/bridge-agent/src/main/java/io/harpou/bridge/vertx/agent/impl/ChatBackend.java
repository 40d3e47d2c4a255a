package io.harpou.bridge.vertx.agent.impl;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.harpou.bridge.api.event.ComponentStateChanged;
import io.harpou.bridge.api.event.EventPublisher;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One model call through a LangChain4j streaming client. The client calls back on its own threads; every callback is
 * moved onto the Vert.x context that made the call, so the loop never shares state across threads. A failure is
 * logged with its cause and reported in {@code /health} (the {@code agent} component turns {@code degraded}) until a
 * call succeeds again.
 */
public final class ChatBackend {

  private static final Logger LOG = LoggerFactory.getLogger(ChatBackend.class);
  /** The component whose state {@code /health} shows: the agent's. */
  private static final String COMPONENT = "agent";

  /** Receives streamed fragments on the caller's context. */
  public interface Stream {
    /** A fragment of answer text ({@code reasoning} false) or of the model's reasoning (true). */
    void fragment(String text, boolean reasoning);
  }

  private final Vertx vertx;
  private final StreamingChatModel model;
  private final String description;
  private final EventPublisher events;
  private volatile boolean failing;

  /** Wraps {@code model}; {@code description} says which model it is (and where), for health, logs and replies. */
  public ChatBackend(Vertx vertx, StreamingChatModel model, String description) {
    this.vertx = vertx;
    this.model = model;
    this.description = description;
    this.events = new EventPublisher(vertx);
  }

  /** Which model this is, for {@code /health}. */
  public String description() {
    return description;
  }

  /** Sends one request; fails with {@link ModelFailure} saying what went wrong. */
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
          context.runOnContext(v -> promise.tryFail(ModelFailure.of(description, error)));
        }
      });
    } catch (RuntimeException e) {
      promise.tryFail(ModelFailure.of(description, e));
    }
    return promise.future().onComplete(ar -> report(ar.cause()));
  }

  /** Logs a failure and reports it, or reports the recovery after one; a steady state reports nothing. */
  private void report(Throwable failure) {
    if (failure instanceof ModelFailure model) {
      LOG.warn("The language model ({}) failed: {}", description, model.detail());
      LOG.debug("Language model failure", model.getCause());
      failing = true;
      events.publish(new ComponentStateChanged(Instant.now(), COMPONENT, "degraded", model.getMessage()));
    } else if (failing) {
      failing = false;
      LOG.info("The language model ({}) answers again", description);
      events.publish(new ComponentStateChanged(Instant.now(), COMPONENT, "ready", description));
    }
  }
}
