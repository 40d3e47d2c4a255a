package io.harpou.bridge.vertx.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.RecordedRequest;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prompts are fitted to the chosen model's window before they are sent, counted with the model family's tokenizer:
 * never a 13,000-token prompt to a 4,096-token model.
 */
class ContextBudgetTest extends ModelsTestBase {

  /** About {@code tokens} tokens of varied English words (OpenAI's tokenizer counts most of these as one each). */
  private static String words(int tokens) {
    String[] vocabulary = {"kitchen", "garden", "window", "evening", "recipe", "butter", "onion", "carrot"};
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < tokens; i++) {
      text.append(vocabulary[i % vocabulary.length]).append(' ');
    }
    return text.toString();
  }

  private ModelTurn turnWith(JsonObject agentSection, String text) {
    start(agentSection);
    return begin(text);
  }

  @Test
  void should_never_send_a_13000_token_prompt_to_a_4096_token_model_and_use_the_larger_one() {
    ModelTurn turn = turnWith(agent(fast().put("context_window", 4096), strong()), "turn on the lamp");
    strongServer.fallback(OllamaReply.text("strong answers"));

    String answer = ask(turn, "turn on the lamp " + words(13_000)).aiMessage().text();

    assertThat(answer).isEqualTo("strong answers");
    assertThat(fastServer.requestCount()).isZero();
    assertThat(events("model_chosen").get(events("model_chosen").size() - 1).getString("reason"))
        .matches("the prompt needs \\d+ tokens, more than fast's window leaves");
  }

  @Test
  void should_refuse_a_prompt_no_model_can_take_without_sending_it() {
    ModelTurn turn = turnWith(new JsonObject().put("models", new JsonObject()
        .put("fast", fast().put("context_window", 4096))), "turn on the lamp");

    assertThatThrownBy(() -> ask(turn, words(13_000))).isInstanceOfSatisfying(ModelFailure.class, failure -> {
      assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.OVERFLOW);
      assertThat(failure.speech("en")).startsWith("Sorry, that request is too long for the language model (ollama"
          + " qwen3:4b at " + fastServer.baseUrl() + "): the request needs ").endsWith(" and the model's window"
          + " leaves 3072 for it.");
    });
    assertThat(fastServer.requestCount()).isZero();
  }

  @Test
  void should_trim_the_oldest_history_to_fit_the_window_and_keep_the_system_message_and_the_request() {
    ModelTurn turn = turnWith(new JsonObject().put("models", new JsonObject()
        .put("fast", fast().put("context_window", 4096))), "turn on the lamp");
    fastServer.fallback(OllamaReply.text("done"));
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(SystemMessage.from("You are a test."));
    for (int i = 0; i < 10; i++) {
      messages.add(UserMessage.from("old question " + i + " " + words(300)));
      messages.add(AiMessage.from("old answer " + i));
    }
    messages.add(UserMessage.from("turn on the lamp"));

    call(() -> turn.chat(messages, messages.size() - 1, List.of(), (text, reasoning) -> { }));

    RecordedRequest sent = fastServer.takeRequest();
    String body = sent.messages().encode();
    assertThat(sent.messages().getJsonObject(0).getString("content")).isEqualTo("You are a test.");
    assertThat(sent.lastUserMessage()).isEqualTo("turn on the lamp");
    assertThat(body).contains("old answer 9").doesNotContain("old question 0 ");
    // Every message kept is whole, and the prompt fits the 3,072 tokens the window leaves (at 3 characters a token).
    assertThat(body.length()).isLessThan(3072 * 3 + 2_000);
  }
}
