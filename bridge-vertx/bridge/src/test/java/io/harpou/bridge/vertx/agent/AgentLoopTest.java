package io.harpou.bridge.vertx.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.agent.ChatHistory;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.vertx.audit.AuditEntry;
import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.OllamaToolCall;
import io.harpou.testkit.ollama.RecordedRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentLoopTest extends AgentTestBase {

  private static JsonObject kitchen() {
    return new JsonObject().put("entity_id", "light.kitchen");
  }

  @Test
  void should_turn_on_the_kitchen_light_through_a_tool_and_answer_with_the_model_text() {
    start(agentSection(true));
    ollama.addRule(OllamaMatch.userContains("kitchen").thenReply(OllamaReply.toolCall("light_on", kitchen())));
    ollama.addRule(OllamaMatch.toolResult("light_on").thenReply(OllamaReply.text("The kitchen light is on.")
        .withThinking("The user wants light.")));

    Reply reply = ask("Turn on the kitchen light", "c1");

    assertThat(reply.speech()).isEqualTo("The kitchen light is on.");
    assertThat(reply.type()).isEqualTo(Reply.Type.ACTION_DONE);
    assertThat(reply.actions()).singleElement().satisfies(a -> {
      assertThat(a.tool()).isEqualTo("light_on");
      assertThat(a.targets().get(0).id()).isEqualTo("light.kitchen");
    });
    assertThat(state("light.kitchen")).isEqualTo("on");
    assertThat(audit("light_on")).singleElement().satisfies(row -> {
      assertThat(row.outcome()).isEqualTo("ok");
      assertThat(row.conversationId()).isEqualTo("c1");
      assertThat(row.room()).isEqualTo("kitchen");
      assertThat(row.channel()).isEqualTo("console");
      assertThat(row.risk()).isEqualTo("act");
    });
    RecordedRequest first = ollama.takeRequest();
    String system = first.messages().getJsonObject(0).getString("content");
    assertThat(system).contains("light.kitchen").contains("The speaker is in: kitchen")
        .doesNotContain("sensor.outdoor_humidity");
    assertThat(first.toolNames()).contains("light_on", "set_timer");
    assertThat(events.stream().map(e -> e.getString("kind")).toList())
        .contains("turn_started", "tool_started", "tool_finished", "token_usage", "reply");
    assertThat(events("thinking")).isNotEmpty();
  }

  @Test
  void should_run_the_calls_of_one_step_concurrently() {
    start(agentSection(true));
    ollama.addRule(OllamaMatch.userContains("both").thenReply(OllamaReply.toolCalls(
        OllamaToolCall.of("light_on", kitchen()),
        OllamaToolCall.of("light_on", new JsonObject().put("entity_id", "light.bedroom")))));
    ollama.addRule(OllamaMatch.toolResult("light_on").thenReply(OllamaReply.text("Both are on.")));

    Reply reply = ask("Turn on both lights", "c2");

    assertThat(reply.speech()).isEqualTo("Both are on.");
    assertThat(state("light.kitchen")).isEqualTo("on");
    assertThat(state("light.bedroom")).isEqualTo("on");
    List<String> toolKinds = events.stream().map(e -> e.getString("kind"))
        .filter(k -> k.startsWith("tool_")).toList();
    // Both calls started before either finished.
    assertThat(toolKinds).containsExactly("tool_started", "tool_started", "tool_finished", "tool_finished");
    assertThat(audit("light_on")).hasSize(2);
  }

  @Test
  void should_send_wrong_argument_types_back_once_and_run_the_repaired_call() {
    start(agentSection(true));
    ollama.addRule(OllamaMatch.userContains("dim").thenReply(OllamaReply.toolCall("light_on",
        kitchen().put("brightness", "bright"))));
    ollama.addRule(OllamaMatch.toolResultContains("invalid arguments").thenReply(OllamaReply.toolCall("light_on",
        kitchen().put("brightness", 40))).once());
    ollama.addRule(OllamaMatch.toolResult("light_on").thenReply(OllamaReply.text("Dimmed to forty percent.")));

    Reply reply = ask("dim the kitchen light", "c3");

    assertThat(reply.speech()).isEqualTo("Dimmed to forty percent.");
    assertThat(state("light.kitchen")).isEqualTo("on");
    assertThat(audit("light_on")).extracting(AuditEntry::outcome).containsExactly("ok", "invalid_arguments");
    ollama.takeRequest();
    String feedback = ollama.takeRequest().messages().encode();
    assertThat(feedback).contains("brightness must be an integer");
  }

  @Test
  void should_ask_again_once_when_the_streamed_tool_call_cannot_be_read() {
    start(agentSection(true));
    ollama.enqueue(OllamaReply.malformedToolCall("light_on", "{entity_id: light.kitchen"));
    ollama.enqueue(OllamaReply.toolCall("light_on", kitchen()));
    ollama.addRule(OllamaMatch.toolResult("light_on").thenReply(OllamaReply.text("On.")));

    Reply reply = ask("kitchen light please", "c4");

    assertThat(reply.speech()).isEqualTo("On.");
    assertThat(state("light.kitchen")).isEqualTo("on");
    assertThat(ollama.requestCount()).isEqualTo(3);
  }

  @Test
  void should_stop_at_the_step_limit_and_still_answer() {
    start(agentSection(true).put("max_steps", 3));
    for (int i = 1; i <= 5; i++) {
      ollama.enqueue(OllamaReply.toolCall("light_on", kitchen().put("brightness", i * 10)));
    }

    Reply reply = ask("keep going", "c5");

    assertThat(reply.speech()).startsWith("Sorry, that took too many steps");
    assertThat(ollama.requestCount()).isEqualTo(3);
    assertThat(audit("light_on")).hasSize(3);
  }

  @Test
  void should_stop_when_the_model_repeats_an_identical_call() {
    start(agentSection(true));
    ollama.addRule(OllamaMatch.any().thenReply(OllamaReply.toolCall("light_on", kitchen())));

    Reply reply = ask("loop forever", "c6");

    assertThat(reply.speech()).startsWith("Sorry, I was going round in circles");
    assertThat(ollama.requestCount()).isEqualTo(2);
    assertThat(audit("light_on")).hasSize(1);
  }

  @Test
  void should_answer_on_the_event_bus_and_reject_a_malformed_utterance() {
    start(agentSection(true));
    ollama.addRule(OllamaMatch.userContains("hello").thenReply(OllamaReply.text("Hello!")));

    JsonObject reply = vertx.eventBus().<JsonObject>request(BridgeAddresses.AGENT_ASK,
        new JsonObject().put("text", "hello there")).await().body();

    assertThat(reply.getString("speech")).isEqualTo("Hello!");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> vertx.eventBus()
            .request(BridgeAddresses.AGENT_ASK, new JsonObject().put("language", "en")).await())
        .hasMessageContaining("utterance text");
  }

  @Test
  void should_read_a_history_sent_on_the_event_bus_and_refuse_one_beyond_a_hubs_bounds() {
    start(agentSection(true));
    ollama.addRule(OllamaMatch.userContains("my name").thenReply(OllamaReply.text("Ada.")));
    JsonArray earlier = new JsonArray().add(new JsonObject().put("role", "user").put("text", "I am Ada."));
    JsonObject tooMany = new JsonObject().put("messages", new JsonArray(java.util.Collections.nCopies(
        ChatHistory.MAX_MESSAGES + 1, new JsonObject().put("role", "user").put("text", "again"))));
    JsonObject tooLong = new JsonObject().put("instructions", "x".repeat(ChatHistory.MAX_CHARS + 1));

    JsonObject reply = vertx.eventBus().<JsonObject>request(BridgeAddresses.AGENT_ASK, new JsonObject()
        .put("text", "what is my name?").put(BridgeAddresses.AGENT_ASK_HISTORY, new JsonObject()
            .put("messages", earlier))).await().body();

    assertThat(reply.getString("speech")).isEqualTo("Ada.");
    assertThat(ollama.takeRequest().messages().encode()).contains("I am Ada.");
    for (JsonObject history : List.of(tooMany, tooLong)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> vertx.eventBus().request(BridgeAddresses.AGENT_ASK,
              new JsonObject().put("text", "what is my name?").put(BridgeAddresses.AGENT_ASK_HISTORY, history))
          .await()).hasMessageContaining("a history has at most");
    }
    assertThat(ollama.requestCount()).as("the model never read an oversized history").isEqualTo(1);
  }

  @Test
  void should_give_a_clear_answer_without_a_model_when_no_interpreter_handles_it() {
    start(agentSection(false));

    Reply reply = ask("What is the meaning of life?", "c7");

    assertThat(reply.speech()).isEqualTo("I can only handle home commands right now; configure HARPOU_OLLAMA_URL"
        + " to ask me anything else.");
    assertThat(reply.type()).isEqualTo(Reply.Type.ERROR);
    assertThat(ollama.requestCount()).isZero();
  }
}
