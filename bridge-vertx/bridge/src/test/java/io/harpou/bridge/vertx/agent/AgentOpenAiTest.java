package io.harpou.bridge.vertx.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.vertx.audit.AuditEntry;
import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.OllamaToolCall;
import io.harpou.testkit.ollama.RecordedRequest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The tool loop through LangChain4j's OpenAI client, against the scripted server's OpenAI-compatible API. */
class AgentOpenAiTest extends AgentTestBase {

  private JsonObject openAiSection() {
    return agentSection(false).put("openai", new JsonObject().put("url", ollama.openAiBaseUrl())
        .put("api_key", "sk-test").put("model", "gpt-test"));
  }

  private static JsonObject light(String id) {
    return new JsonObject().put("entity_id", id);
  }

  @Test
  void should_run_a_tool_loop_through_the_openai_client_and_act_on_the_home() {
    start(openAiSection());
    ollama.addRule(OllamaMatch.userContains("kitchen").thenReply(OllamaReply.toolCall("light_on",
        light("light.kitchen").put("brightness", 30))));
    ollama.addRule(OllamaMatch.toolResult("light_on").thenReply(OllamaReply.text("The kitchen light is on.")));

    Reply reply = ask("Turn on the kitchen light", "o1");

    assertThat(reply.speech()).isEqualTo("The kitchen light is on.");
    assertThat(reply.type()).isEqualTo(Reply.Type.ACTION_DONE);
    assertThat(state("light.kitchen")).isEqualTo("on");
    assertThat(home.state("light.kitchen").getJsonObject("attributes").getInteger("brightness")).isEqualTo(77);
    assertThat(audit("light_on")).singleElement().satisfies(row -> assertThat(row.outcome()).isEqualTo("ok"));
    RecordedRequest first = ollama.takeRequest();
    assertThat(first.path()).isEqualTo("/v1/chat/completions");
    assertThat(first.model()).isEqualTo("gpt-test");
    assertThat(first.toolNames()).contains("light_on", "set_timer");
    assertThat(first.messages().getJsonObject(0).getString("role")).isEqualTo("system");
    RecordedRequest second = ollama.takeRequest();
    // The tool result goes back as an OpenAI tool message naming the call the model made.
    JsonObject toolMessage = second.messages().getJsonObject(second.messages().size() - 1);
    assertThat(toolMessage.getString("role")).isEqualTo("tool");
    assertThat(toolMessage.getString("tool_call_id")).startsWith("call_");
    assertThat(toolMessage.getString("content")).contains("light.turn_on done on light.kitchen");
    assertThat(events("token_usage")).hasSize(2);
  }

  @Test
  void should_run_parallel_calls_and_repair_wrong_argument_types_over_openai() {
    start(openAiSection());
    ollama.addRule(OllamaMatch.userContains("both").thenReply(OllamaReply.toolCalls(
        OllamaToolCall.of("light_on", light("light.kitchen")),
        OllamaToolCall.of("light_on", light("light.bedroom").put("brightness", "low")))));
    ollama.addRule(OllamaMatch.toolResultContains("invalid arguments").thenReply(OllamaReply.toolCall("light_on",
        light("light.bedroom").put("brightness", 20))).once());
    ollama.addRule(OllamaMatch.toolResult("light_on").thenReply(OllamaReply.text("Both are on.")));

    Reply reply = ask("Turn on both lights", "o2");

    assertThat(reply.speech()).isEqualTo("Both are on.");
    assertThat(state("light.kitchen")).isEqualTo("on");
    assertThat(state("light.bedroom")).isEqualTo("on");
    assertThat(audit("light_on")).extracting(AuditEntry::outcome)
        .containsExactlyInAnyOrder("ok", "invalid_arguments", "ok");
    assertThat(ollama.requests().get(1).messages().encode()).contains("brightness must be an integer");
  }

  @Test
  void should_say_the_model_returned_an_error_when_the_openai_server_fails() {
    start(openAiSection());
    ollama.enqueue(OllamaReply.error(500, "upstream exploded"));

    Reply reply = ask("What's the weather like?", "o3");

    assertThat(reply.type()).isEqualTo(Reply.Type.ERROR);
    assertThat(reply.speech()).startsWith("Sorry, the language model (openai-compatible gpt-test at ")
        .endsWith(") returned an error: HTTP 500: upstream exploded.");
    assertThat(bridge.health().toJson().encode()).contains("openai-compatible gpt-test");
  }
}
