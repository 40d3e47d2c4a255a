package io.harpou.testkit.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ScriptedOllamaStreamingTest {

  private ScriptedOllama ollama;

  @BeforeEach
  void start(Vertx vertx) {
    ollama = ScriptedOllama.create(vertx, new ScriptedOllamaOptions().setStreamChunkDelayMillis(1)).start().await();
  }

  @AfterEach
  void stop() {
    ollama.close().await();
  }

  private OllamaStreamingChatModel model(boolean returnThinking) {
    return OllamaStreamingChatModel.builder()
        .baseUrl(ollama.baseUrl())
        .modelName("llama3.2")
        .returnThinking(returnThinking)
        .build();
  }

  private StreamingCollector stream(ChatRequest request, boolean returnThinking) {
    StreamingCollector collector = new StreamingCollector();
    model(returnThinking).chat(request, collector);
    return collector;
  }

  private static ChatRequest ask(String text) {
    return ChatRequest.builder().messages(UserMessage.from(text)).build();
  }

  private static ChatRequest askWithTool(String text) {
    return ChatRequest.builder()
        .messages(UserMessage.from(text))
        .toolSpecifications(ScriptedOllamaChatTest.LIGHT_TOOL)
        .build();
  }

  @Test
  void should_stream_the_text_in_order_as_several_chunks_with_final_usage() throws Exception {
    ollama.enqueue(OllamaReply.text("The living room is twenty one degrees."));

    StreamingCollector collector = stream(ask("How warm is the living room?"), false);
    ChatResponse response = collector.await();

    assertThat(collector.partials)
        .containsExactly("The", " living", " room", " is", " twenty", " one", " degrees.");
    assertThat(response.aiMessage().text()).isEqualTo("The living room is twenty one degrees.");
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(6);
    assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(7);
    assertThat(ollama.takeRequest().stream()).isTrue();
  }

  @Test
  void should_stream_thinking_before_the_text_when_asked_to_return_it() throws Exception {
    ollama.enqueue(OllamaReply.text("Yes.").withThinking("Check the door sensor first."));

    StreamingCollector collector = stream(ask("Is the door shut?"), true);
    ChatResponse response = collector.await();

    assertThat(String.join("", collector.thinking)).isEqualTo("Check the door sensor first.");
    assertThat(collector.thinking).hasSizeGreaterThan(1);
    assertThat(response.aiMessage().thinking()).isEqualTo("Check the door sensor first.");
    assertThat(response.aiMessage().text()).isEqualTo("Yes.");
  }

  @Test
  void should_deliver_several_streamed_tool_calls_as_separate_requests() throws Exception {
    ollama.enqueue(OllamaReply.toolCalls(
        OllamaToolCall.of("turn_on_light", new JsonObject().put("room", "kitchen")),
        OllamaToolCall.of("turn_on_light", new JsonObject().put("room", "hall").put("brightness", 30))));

    ChatResponse response = stream(askWithTool("Kitchen and hall lights on"), false).await();

    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
    assertThat(response.aiMessage().toolExecutionRequests())
        .extracting(ToolExecutionRequest::name, request -> new JsonObject(request.arguments()))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("turn_on_light", new JsonObject().put("room", "kitchen")),
            org.assertj.core.groups.Tuple.tuple(
                "turn_on_light", new JsonObject().put("room", "hall").put("brightness", 30)));
  }

  @Test
  void should_stream_a_long_answer_whole_and_in_order(Vertx vertx) throws Exception {
    ScriptedOllama fast = ScriptedOllama.create(vertx, new ScriptedOllamaOptions()).start().await();
    try {
      String text = String.join(" ", java.util.Collections.nCopies(20_000, "word"));
      fast.enqueue(OllamaReply.text(text));
      StreamingCollector collector = new StreamingCollector();

      OllamaStreamingChatModel.builder().baseUrl(fast.baseUrl()).modelName("llama3.2").build()
          .chat(ask("Talk a lot"), collector);

      assertThat(collector.await().aiMessage().text()).isEqualTo(text);
      assertThat(collector.partials).hasSize(20_000);
    } finally {
      fast.close().await();
    }
  }

  @Test
  void should_report_a_scripted_http_error_to_the_streaming_handler() {
    ollama.enqueue(OllamaReply.error(500, "out of memory"));

    StreamingCollector collector = stream(ask("hi"), false);

    assertThatThrownBy(collector::await)
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(InternalServerException.class)
        .hasMessageContaining("out of memory");
  }

  @Test
  void should_leave_a_malformed_streamed_tool_call_out_of_the_final_response() throws Exception {
    ollama.enqueue(OllamaReply.toolCalls(OllamaToolCall.malformed("turn_on_light", "{room: kitchen")));

    ChatResponse response = stream(askWithTool("light"), false).await();

    // The streaming client skips the chunk it cannot read and completes with neither text nor tool call.
    assertThat(response.aiMessage().hasToolExecutionRequests()).isFalse();
    assertThat(response.aiMessage().text()).isNull();
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
  }
}
