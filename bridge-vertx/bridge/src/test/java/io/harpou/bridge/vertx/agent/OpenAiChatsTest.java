package io.harpou.bridge.vertx.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.RecordedRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI-compatible endpoint as chat front ends use it: streamed by default (Open WebUI), the whole chat resent on
 * every turn, several chats at once that may start alike. The real agent answers, with the scripted Ollama as model.
 */
class OpenAiChatsTest extends HttpAgentTestBase {

  private static final String QUESTION = "Unlock the front door? Say yes to confirm.";

  private static JsonObject message(String role, String content) {
    return new JsonObject().put("role", role).put("content", content);
  }

  private static JsonArray chat(String... roleThenContent) {
    JsonArray messages = new JsonArray();
    for (int i = 0; i < roleThenContent.length; i += 2) {
      messages.add(message(roleThenContent[i], roleThenContent[i + 1]));
    }
    return messages;
  }

  private String complete(JsonArray messages) {
    JsonObject body = post("/v1/chat/completions", new JsonObject().put("model", "harpou").put("messages", messages))
        .bodyAsJsonObject();
    return body.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content");
  }

  /** A streamed completion read as a plain client reads server-sent events: every content delta, joined. */
  private String stream(JsonArray messages) {
    String events = post("/v1/chat/completions", new JsonObject().put("model", "harpou").put("stream", true)
        .put("messages", messages)).bodyAsString();
    StringBuilder content = new StringBuilder();
    for (String event : events.split("\n\n")) {
      if (event.startsWith("data: {")) {
        JsonObject delta = new JsonObject(event.substring(6)).getJsonArray("choices").getJsonObject(0)
            .getJsonObject("delta");
        content.append(delta.getString("content", ""));
      }
    }
    assertThat(events).endsWith("data: [DONE]\n\n");
    return content.toString();
  }

  private void scriptTextBeforeTools() {
    ollama.addRule(OllamaMatch.userContains("kitchen").thenReply(OllamaReply.toolCall("light_on",
        new JsonObject().put("entity_id", "light.kitchen")).withText("Let me check the house first.")));
    ollama.addRule(OllamaMatch.toolResult("light_on").thenReply(OllamaReply.text("The kitchen light is on.")));
    ollama.addRule(OllamaMatch.userContains("unlock").thenReply(OllamaReply.toolCall("unlock",
        new JsonObject().put("entity_id", "lock.front_door")).withText("Let me check the house first.")));
  }

  @Test
  void should_stream_the_final_answer_when_the_model_writes_text_before_a_tool_call() throws Exception {
    start(agentSection(true));
    scriptTextBeforeTools();
    OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder()
        .baseUrl("http://127.0.0.1:" + bridge.httpPort() + "/v1").apiKey("unused").modelName("harpou").build();
    List<String> partials = new ArrayList<>();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();

    model.chat(List.of(UserMessage.from("turn on the kitchen light")), new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String partial) {
        partials.add(partial);
      }

      @Override
      public void onCompleteResponse(ChatResponse response) {
        done.complete(response);
      }

      @Override
      public void onError(Throwable error) {
        done.completeExceptionally(error);
      }
    });

    String text = done.get(20, TimeUnit.SECONDS).aiMessage().text();
    assertThat(text).isEqualTo("Let me check the house first.\n\nThe kitchen light is on.");
    assertThat(String.join("", partials)).isEqualTo(text);
    assertThat(state("light.kitchen")).isEqualTo("on");
  }

  @Test
  void should_answer_the_same_final_text_plain_and_streamed() {
    start(agentSection(true));
    scriptTextBeforeTools();
    OpenAiChatModel model = OpenAiChatModel.builder().baseUrl("http://127.0.0.1:" + bridge.httpPort() + "/v1")
        .apiKey("unused").modelName("harpou").build();

    String plain = model.chat(UserMessage.from("turn on the kitchen light")).aiMessage().text();
    String streamed = stream(chat("user", "turn on the kitchen light please"));

    assertThat(plain).isEqualTo("The kitchen light is on.");
    assertThat(streamed).endsWith("\n\nThe kitchen light is on.");
  }

  @Test
  void should_stream_the_confirmation_question_after_text_the_model_wrote_first() {
    start(agentSection(true));
    scriptTextBeforeTools();

    String streamed = stream(chat("user", "unlock the front door"));

    assertThat(streamed).isEqualTo("Let me check the house first.\n\n" + QUESTION);
    assertThat(state("lock.front_door")).isEqualTo("locked");
  }

  @Test
  void should_keep_two_chats_that_start_alike_apart_so_a_yes_in_one_never_confirms_the_other() {
    start(agentSection(true));
    scriptTextBeforeTools();
    ollama.addRule(OllamaMatch.userContains("hi").thenReply(OllamaReply.text("Hello! How can I help?")));
    ollama.fallback(OllamaReply.text("I'm not sure what you mean."));
    String[] opening = {"system", "You are the house.", "user", "hi"};

    String greetingA = stream(chat(opening));
    String greetingB = stream(chat(opening));
    String question = stream(chat(opening[0], opening[1], opening[2], opening[3], "assistant", greetingA,
        "user", "unlock the front door"));
    String otherYes = stream(chat(opening[0], opening[1], opening[2], opening[3], "assistant", greetingB,
        "user", "yes"));

    assertThat(question).endsWith(QUESTION);
    assertThat(otherYes).isEqualTo("I'm not sure what you mean.");
    assertThat(state("lock.front_door")).isEqualTo("locked");
    RecordedRequest otherTurn = ollama.requests().get(ollama.requests().size() - 1);
    assertThat(otherTurn.messages().encode()).contains("yes").doesNotContain("unlock");

    String done = stream(chat(opening[0], opening[1], opening[2], opening[3], "assistant", greetingA,
        "user", "unlock the front door", "assistant", question, "user", "yes"));

    assertThat(done).isEqualTo("Done.");
    assertThat(state("lock.front_door")).isEqualTo("unlocked");
  }

  @Test
  void should_confirm_in_the_chat_that_asked_when_its_client_folds_the_reasoning_into_the_answer() {
    start(agentSection(true));
    ollama.addRule(OllamaMatch.userContains("unlock").thenReply(OllamaReply.toolCall("unlock",
        new JsonObject().put("entity_id", "lock.front_door")).withThinking("The user wants the door open.")));

    String question = stream(chat("user", "unlock the front door"));
    // Open WebUI keeps the streamed reasoning in the message it sends back, folded in a details block.
    String kept = "<details type=\"reasoning\" done=\"true\" duration=\"1\">\n"
        + "<summary>Thought for 1 seconds</summary>\n> The user wants the door open.\n</details>\n" + question;
    String done = stream(chat("user", "unlock the front door", "assistant", kept, "user", "yes"));

    assertThat(question).isEqualTo(QUESTION);
    assertThat(done).isEqualTo("Done.");
    assertThat(state("lock.front_door")).isEqualTo("unlocked");
  }

  @Test
  void should_take_the_history_from_the_client_so_regenerated_and_edited_turns_are_honoured() {
    start(agentSection(true));
    ollama.addRule(OllamaMatch.userContains("weather").thenReply(OllamaReply.text("Sunny all day.")));
    ollama.addRule(OllamaMatch.userContains("garden").thenReply(OllamaReply.text("No need today.")));

    complete(chat("system", "Answer like a pirate.", "user", "what is the weather like"));
    complete(chat("system", "Answer like a pirate.", "user", "what is the weather like"));
    complete(chat("system", "Answer like a pirate.", "user", "what is the weather like",
        "assistant", "Rain all day, take an umbrella.", "user", "should I water the garden?"));

    JsonArray regenerated = ollama.requests().get(1).messages();
    assertThat(regenerated).hasSize(2);
    assertThat(regenerated.getJsonObject(0).getString("content")).startsWith("You are Harpou")
        .endsWith("The chat application adds these instructions:\nAnswer like a pirate.\n");
    assertThat(regenerated.getJsonObject(1).getString("role")).isEqualTo("user");
    assertThat(regenerated.getJsonObject(1).getString("content")).isEqualTo("what is the weather like");
    JsonArray edited = ollama.requests().get(2).messages();
    assertThat(edited).hasSize(4);
    assertThat(edited).extracting(m -> ((JsonObject) m).getString("role") + ": "
            + ((JsonObject) m).getString("content"))
        .endsWith("user: what is the weather like", "assistant: Rain all day, take an umbrella.",
            "user: should I water the garden?");
  }
}
