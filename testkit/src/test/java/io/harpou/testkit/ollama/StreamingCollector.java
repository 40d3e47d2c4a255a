package io.harpou.testkit.ollama;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Collects what a LangChain4j streaming handler receives. */
final class StreamingCollector implements StreamingChatResponseHandler {

  final List<String> partials = new CopyOnWriteArrayList<>();
  final List<String> thinking = new CopyOnWriteArrayList<>();
  final CompletableFuture<ChatResponse> done = new CompletableFuture<>();

  @Override
  public void onPartialResponse(String partialResponse) {
    partials.add(partialResponse);
  }

  @Override
  public void onPartialThinking(PartialThinking partialThinking) {
    thinking.add(partialThinking.text());
  }

  @Override
  public void onCompleteResponse(ChatResponse completeResponse) {
    done.complete(completeResponse);
  }

  @Override
  public void onError(Throwable error) {
    done.completeExceptionally(error);
  }

  ChatResponse await() throws Exception {
    return done.get(10, TimeUnit.SECONDS);
  }
}
