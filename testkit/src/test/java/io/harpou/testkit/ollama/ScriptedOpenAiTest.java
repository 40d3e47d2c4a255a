package io.harpou.testkit.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The OpenAI-compatible endpoints, judged by LangChain4j's OpenAI client, streaming and not. */
@ExtendWith(VertxExtension.class)
class ScriptedOpenAiTest {

  private ScriptedOllama ollama;

  @BeforeEach
  void start(Vertx vertx) {
    ollama = ScriptedOllama.create(vertx, new ScriptedOllamaOptions()).start().await();
  }

  @AfterEach
  void stop() {
    ollama.close().await();
  }

  private OpenAiStreamingChatModel streaming() {
    return OpenAiStreamingChatModel.builder().baseUrl(ollama.openAiBaseUrl()).apiKey("none")
        .modelName("llama3.2").returnThinking(true).build();
  }

  private OpenAiChatModel blocking() {
    return OpenAiChatModel.builder().baseUrl(ollama.openAiBaseUrl()).apiKey("none").modelName("llama3.2").build();
  }

  private static ChatRequest askWithTool(String text) {
    return ChatRequest.builder().messages(UserMessage.from(text))
        .toolSpecifications(ScriptedOllamaChatTest.LIGHT_TOOL).build();
  }

  @Test
  void should_stream_a_tool_call_then_answer_the_tool_result_by_its_call_id() throws Exception {
    ollama.addRule(OllamaMatch.userContains("kitchen").thenReply(OllamaReply.toolCall("turn_on_light",
        new JsonObject().put("room", "kitchen").put("brightness", 40))));
    ollama.addRule(OllamaMatch.toolResult("turn_on_light").andToolResultContains("is on")
        .thenReply(OllamaReply.text("The kitchen light is on.").withThinking("It worked.")));

    StreamingCollector first = new StreamingCollector();
    streaming().chat(askWithTool("Light the kitchen"), first);
    ChatResponse call = first.await();

    assertThat(call.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
    ToolExecutionRequest request = call.aiMessage().toolExecutionRequests().get(0);
    assertThat(request.name()).isEqualTo("turn_on_light");
    assertThat(new JsonObject(request.arguments())).isEqualTo(new JsonObject().put("room", "kitchen")
        .put("brightness", 40));
    assertThat(call.tokenUsage().inputTokenCount()).isPositive();

    StreamingCollector second = new StreamingCollector();
    streaming().chat(ChatRequest.builder().messages(UserMessage.from("Light the kitchen"), call.aiMessage(),
        ToolExecutionResultMessage.from(request, "The light is on.")).build(), second);
    ChatResponse answer = second.await();

    assertThat(answer.aiMessage().text()).isEqualTo("The kitchen light is on.");
    assertThat(String.join("", second.partials)).isEqualTo("The kitchen light is on.");
    assertThat(second.partials).hasSizeGreaterThan(1);
    assertThat(String.join("", second.thinking)).isEqualTo("It worked.");
    assertThat(answer.finishReason()).isEqualTo(FinishReason.STOP);
    RecordedRequest recorded = ollama.requests().get(1);
    assertThat(recorded.path()).isEqualTo("/v1/chat/completions");
    assertThat(recorded.body().getBoolean("stream")).isTrue();
    assertThat(ollama.requests().get(0).toolNames()).containsExactly("turn_on_light");
  }

  @Test
  void should_answer_without_streaming_with_text_and_tool_calls() {
    ollama.enqueue(OllamaReply.toolCall("turn_on_light", new JsonObject().put("room", "hall")));
    ollama.enqueue(OllamaReply.text("Hello there."));

    ChatResponse call = blocking().chat(askWithTool("hall light"));
    ChatResponse text = blocking().chat(ChatRequest.builder().messages(UserMessage.from("hi")).build());

    assertThat(call.aiMessage().toolExecutionRequests()).singleElement().satisfies(r -> {
      assertThat(r.name()).isEqualTo("turn_on_light");
      assertThat(new JsonObject(r.arguments()).getString("room")).isEqualTo("hall");
    });
    assertThat(text.aiMessage().text()).isEqualTo("Hello there.");
    assertThat(text.tokenUsage().outputTokenCount()).isEqualTo(2);
    assertThat(ollama.requests().get(1).body().getBoolean("stream", false)).isFalse();
  }

  @Test
  void should_pass_malformed_arguments_through_as_raw_text() throws Exception {
    ollama.enqueue(OllamaReply.malformedToolCall("turn_on_light", "{room: kitchen"));

    StreamingCollector collector = new StreamingCollector();
    streaming().chat(askWithTool("kitchen"), collector);
    AiMessage message = collector.await().aiMessage();

    assertThat(message.toolExecutionRequests()).singleElement()
        .satisfies(r -> assertThat(r.arguments()).isEqualTo("{room: kitchen"));
  }

  @Test
  void should_report_a_scripted_error_through_the_client() {
    ollama.enqueue(OllamaReply.error(503, "model is loading"));

    StreamingCollector collector = new StreamingCollector();
    streaming().chat(ChatRequest.builder().messages(UserMessage.from("hi")).build(), collector);

    assertThatThrownBy(collector::await).hasMessageContaining("model is loading");
  }

  @Test
  void should_list_the_models(Vertx vertx) {
    JsonObject list = vertx.createHttpClient()
        .request(io.vertx.core.http.HttpMethod.GET, ollama.actualPort(), "127.0.0.1", "/v1/models")
        .compose(request -> request.send().compose(response -> response.body()))
        .await().toJsonObject();

    assertThat(list.getJsonArray("data").getJsonObject(0).getString("id"))
        .isEqualTo(ScriptedOllamaOptions.DEFAULT_MODEL);
  }
}
