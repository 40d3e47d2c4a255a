package io.harpou.testkit.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.ollama.OllamaChatModel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class OllamaScriptTest {

  static final String SCRIPT = """
      {
        "rules": [
          { "when": { "user_contains": "kitchen" },
            "reply": { "tool_calls": [ { "name": "turn_on_light", "arguments": { "room": "kitchen" } } ] },
            "times": 1 },
          { "when": { "tool": "turn_on_light", "tool_result_contains": "on" },
            "reply": { "text": "The kitchen light is on.", "thinking": "It worked." } }
        ],
        "fallback": { "text": "Sorry, I can't help with that." },
        "comment": "unknown keys are ignored"
      }
      """;

  @Test
  void should_play_a_json_script_given_in_the_options(Vertx vertx) {
    OllamaScript script = OllamaScript.parse(SCRIPT);
    ScriptedOllama ollama = ScriptedOllama.create(vertx,
        new ScriptedOllamaOptions(new JsonObject().put("script", script.toJson()))).start().await();
    try {
      OllamaChatModel model =
          OllamaChatModel.builder().baseUrl(ollama.baseUrl()).modelName("llama3.2").maxRetries(0).build();
      UserMessage question = UserMessage.from("Kitchen light please");

      AiMessage call = model.chat(ChatRequest.builder().messages(question)
          .toolSpecifications(ScriptedOllamaChatTest.LIGHT_TOOL).build()).aiMessage();
      ToolExecutionRequest request = call.toolExecutionRequests().get(0);
      String answer = model.chat(ChatRequest.builder()
          .messages(question, call, ToolExecutionResultMessage.from(request, "it is on")).build()).aiMessage().text();

      assertThat(request.name()).isEqualTo("turn_on_light");
      assertThat(answer).isEqualTo("The kitchen light is on.");
      assertThat(model.chat("Kitchen again")).isEqualTo("Sorry, I can't help with that.");
    } finally {
      ollama.close().await();
    }
  }

  @Test
  void should_round_trip_a_script_through_json() {
    OllamaScript script = new OllamaScript(
        List.of(OllamaReply.error(503, "busy").delayed(Duration.ofMillis(20))),
        List.of(
            OllamaMatch.userMatches("^hi").andToolResult("t").thenReply(OllamaReply.malformedToolCall("t", "{")),
            OllamaMatch.any().thenReply(OllamaReply.text("x").withThinking("y")).times(3)),
        OllamaReply.text("fallback"));

    assertThat(OllamaScript.fromJson(script.toJson())).isEqualTo(script);
  }

  @Test
  void should_reject_malformed_scripts_with_a_clear_message() {
    assertThatThrownBy(() -> OllamaScript.parse("{ nope"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> OllamaScript.parse("{\"rules\": [{\"when\": {}}]}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a 'reply'");
    assertThatThrownBy(() -> OllamaScript.parse("{\"rules\": [{\"when\": {\"user_regex\": \"(\"}, \"reply\": {}}]}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid user_regex");
    assertThatThrownBy(() -> OllamaScript.parse("{\"queue\": [{\"error\": {\"status\": 200}}]}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("400..599");
    assertThatThrownBy(() -> OllamaScript.parse("{\"queue\": \"text\"}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wrong type");
    assertThatThrownBy(() -> OllamaScript.parse("{\"queue\": [{\"tool_calls\": [{\"arguments\": {}}]}]}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a name");
  }

  @Test
  void should_read_port_models_and_script_file_from_the_command_line(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("script.json");
    Files.writeString(file, SCRIPT);

    ScriptedOllamaOptions options = ScriptedOllamaMain.parse(
        new String[] {"--port", "11500", "--script", file.toString(), "--model", "qwen3:8b"});

    assertThat(options.getPort()).isEqualTo(11500);
    assertThat(options.getModels()).containsExactly("qwen3:8b");
    assertThat(options.getScript()).isEqualTo(OllamaScript.parse(SCRIPT));
    assertThatThrownBy(() -> ScriptedOllamaMain.parse(new String[] {"--port", "x"}))
        .hasMessageContaining("port must be a number");
    assertThatThrownBy(() -> ScriptedOllamaMain.parse(new String[] {"--bogus", "1"}))
        .hasMessageContaining("unknown option");
  }

  @Test
  void should_keep_options_through_json() {
    ScriptedOllamaOptions options = new ScriptedOllamaOptions()
        .setPort(1234).setModels(List.of("a", "b:7b")).setEmbeddingDimension(64).setRejectUnknownModels(true)
        .setStreamChunkDelayMillis(5).setScript(OllamaScript.parse(SCRIPT));

    ScriptedOllamaOptions copy = new ScriptedOllamaOptions(options.toJson());

    assertThat(copy.toJson()).isEqualTo(options.toJson());
    assertThatThrownBy(() -> new ScriptedOllamaOptions().setEmbeddingDimension(2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
