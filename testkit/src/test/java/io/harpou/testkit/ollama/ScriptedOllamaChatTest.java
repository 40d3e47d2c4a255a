package io.harpou.testkit.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.output.FinishReason;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ScriptedOllamaChatTest {

  static final ToolSpecification LIGHT_TOOL = ToolSpecification.builder()
      .name("turn_on_light")
      .description("Turns on the light of a room")
      .parameters(JsonObjectSchema.builder()
          .addStringProperty("room")
          .addIntegerProperty("brightness")
          .required("room")
          .build())
      .build();

  private ScriptedOllama ollama;

  @BeforeEach
  void start(Vertx vertx) {
    ollama = ScriptedOllama.create(vertx, new ScriptedOllamaOptions()).start().await();
  }

  @AfterEach
  void stop() {
    ollama.close().await();
  }

  private OllamaChatModel model() {
    return OllamaChatModel.builder()
        .baseUrl(ollama.baseUrl())
        .modelName("llama3.2")
        .maxRetries(0)
        .timeout(Duration.ofSeconds(10))
        .build();
  }

  private static ChatRequest withLightTool(String text) {
    return ChatRequest.builder().messages(UserMessage.from(text)).toolSpecifications(LIGHT_TOOL).build();
  }

  @Test
  void should_answer_any_message_with_a_short_text_when_unscripted() {
    String answer = model().chat("Hello there");

    assertThat(answer).isEqualTo("You said: Hello there");
  }

  @Test
  void should_answer_plain_text_with_token_usage_and_stop_reason() {
    ollama.addRule(OllamaMatch.userContains("weather").thenReply(OllamaReply.text("It is sunny in Paris.")));

    ChatResponse response = model().chat(ChatRequest.builder().messages(UserMessage.from("What's the WEATHER?")).build());

    assertThat(response.aiMessage().text()).isEqualTo("It is sunny in Paris.");
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(3);
    assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(5);
    assertThat(response.metadata().modelName()).isEqualTo("llama3.2");
  }

  @Test
  void should_parse_a_scripted_tool_call_into_a_tool_execution_request() {
    ollama.addRule(OllamaMatch.userMatches("(?i)turn on the (\\w+) light")
        .thenReply(OllamaReply.toolCall("turn_on_light", new JsonObject().put("room", "kitchen").put("brightness", 80))));

    ChatResponse response = model().chat(withLightTool("Please turn on the kitchen light"));

    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
    assertThat(response.aiMessage().toolExecutionRequests()).hasSize(1);
    ToolExecutionRequest request = response.aiMessage().toolExecutionRequests().get(0);
    assertThat(request.name()).isEqualTo("turn_on_light");
    assertThat(new JsonObject(request.arguments())).isEqualTo(new JsonObject().put("room", "kitchen").put("brightness", 80));
    assertThat(request.id()).isNotBlank();
  }

  @Test
  void should_match_the_tool_result_on_the_second_step_of_a_tool_exchange() {
    ollama.addRule(OllamaMatch.userContains("kitchen")
        .thenReply(OllamaReply.toolCall("turn_on_light", new JsonObject().put("room", "kitchen"))));
    ollama.addRule(OllamaMatch.toolResult("turn_on_light").andToolResultContains("now on")
        .thenReply(OllamaReply.text("The kitchen light is on.")));
    OllamaChatModel model = model();
    UserMessage question = UserMessage.from("Light up the kitchen");

    AiMessage first = model.chat(withLightTool(question.singleText())).aiMessage();
    ToolExecutionRequest call = first.toolExecutionRequests().get(0);
    ChatResponse second = model.chat(ChatRequest.builder()
        .messages(question, first, ToolExecutionResultMessage.from(call, "light.kitchen is now on"))
        .toolSpecifications(LIGHT_TOOL)
        .build());

    assertThat(second.aiMessage().text()).isEqualTo("The kitchen light is on.");
    assertThat(second.aiMessage().hasToolExecutionRequests()).isFalse();
    RecordedRequest recorded = ollama.requests().get(1);
    assertThat(recorded.messages().getJsonObject(2).getString("role")).isEqualTo("tool");
    assertThat(recorded.messages().getJsonObject(2).getString("content")).isEqualTo("light.kitchen is now on");
    assertThat(recorded.messages().getJsonObject(1).getJsonArray("tool_calls")).hasSize(1);
  }

  @Test
  void should_surface_thinking_only_when_the_client_asks_to_return_it() {
    ollama.addRule(OllamaMatch.any()
        .thenReply(OllamaReply.text("Forty-two.").withThinking("The user wants the answer to everything.")));
    OllamaChatModel thinking = OllamaChatModel.builder()
        .baseUrl(ollama.baseUrl()).modelName("qwen3").think(true).returnThinking(true).maxRetries(0).build();

    AiMessage withThinking = thinking.chat(ChatRequest.builder().messages(UserMessage.from("Why?")).build()).aiMessage();
    AiMessage without = model().chat(ChatRequest.builder().messages(UserMessage.from("Why?")).build()).aiMessage();

    assertThat(withThinking.thinking()).isEqualTo("The user wants the answer to everything.");
    assertThat(withThinking.text()).isEqualTo("Forty-two.");
    assertThat(without.thinking()).isNull();
    assertThat(without.text()).isEqualTo("Forty-two.");
    assertThat(ollama.takeRequest().think()).isTrue();
  }

  @Test
  void should_raise_the_client_exception_matching_a_scripted_http_error() {
    ollama.enqueue(OllamaReply.error(404, "model \"llama3.2\" not found, try pulling it first"));
    ollama.enqueue(OllamaReply.error(500, "llama runner process has terminated"));
    OllamaChatModel model = model();

    assertThatThrownBy(() -> model.chat("hi"))
        .isInstanceOf(ModelNotFoundException.class)
        .hasMessageContaining("try pulling it first");
    assertThatThrownBy(() -> model.chat("hi"))
        .isInstanceOf(InternalServerException.class)
        .hasMessageContaining("llama runner process has terminated");
    assertThat(model.chat("hi")).isEqualTo("You said: hi");
  }

  @Test
  void should_let_the_client_retry_past_a_one_shot_server_error() {
    ollama.enqueue(OllamaReply.error(503, "server busy"));
    OllamaChatModel retrying = OllamaChatModel.builder().baseUrl(ollama.baseUrl()).modelName("llama3.2").build();

    assertThat(retrying.chat("hi")).isEqualTo("You said: hi");
    assertThat(ollama.requestCount()).isEqualTo(2);
  }

  @Test
  void should_pass_arguments_with_wrong_types_through_as_sent() {
    ollama.enqueue(OllamaReply.toolCall("turn_on_light", new JsonObject().put("room", 7).put("brightness", "very bright")));

    ToolExecutionRequest request = model().chat(withLightTool("light")).aiMessage().toolExecutionRequests().get(0);

    assertThat(new JsonObject(request.arguments()))
        .isEqualTo(new JsonObject().put("room", 7).put("brightness", "very bright"));
  }

  @Test
  void should_make_the_client_fail_on_tool_arguments_sent_as_an_invalid_json_string() {
    ollama.enqueue(OllamaReply.malformedToolCall("turn_on_light", "{\"room\": \"kitchen\""));
    OllamaChatModel model = model();

    // LangChain4j reads Ollama's arguments as an object; a string there makes the whole answer unreadable.
    assertThatThrownBy(() -> model.chat(withLightTool("light"))).hasMessageContaining("arguments");
    assertThat(model.chat("again")).isEqualTo("You said: again");
  }

  @Test
  void should_wait_for_the_scripted_delay_before_answering() {
    // A rule, not the queue: on a busy machine the impatient client may give up before its request arrives, and a
    // queued reply would then answer the next request instead.
    ollama.addRule(OllamaMatch.userContains("hurry")
        .thenReply(OllamaReply.text("slow").delayed(Duration.ofMillis(300))));
    OllamaChatModel impatient = OllamaChatModel.builder()
        .baseUrl(ollama.baseUrl()).modelName("llama3.2").timeout(Duration.ofMillis(100)).maxRetries(0).build();

    assertThatThrownBy(() -> impatient.chat("hurry")).isInstanceOf(RuntimeException.class);
    assertThat(model().chat("hi")).isEqualTo("You said: hi");
  }

  @Test
  void should_serve_queued_replies_in_order_before_rules_and_use_up_one_shot_rules() {
    ollama.addRule(OllamaMatch.any().thenReply(OllamaReply.text("rule")).once());
    ollama.enqueue(OllamaReply.text("first")).enqueue(OllamaReply.text("second"));
    OllamaChatModel model = model();

    assertThat(ollama.pendingReplies()).isEqualTo(3);
    assertThat(model.chat("a")).isEqualTo("first");
    assertThat(model.chat("b")).isEqualTo("second");
    assertThat(model.chat("c")).isEqualTo("rule");
    assertThat(model.chat("d")).isEqualTo("You said: d");
    assertThat(ollama.pendingReplies()).isZero();
  }
}
