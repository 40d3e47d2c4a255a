package io.harpou.bridge.vertx.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.testkit.ollama.OllamaReply;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A model that fails (refuses connections, answers 5xx, does not answer in time, says the prompt overflows its
 * window) is rested, and the call is made once more on the next model of the chain, over real connections.
 */
class FallbackTest extends ModelsTestBase {

  private JsonObject fallbackReason() {
    return events("model_chosen").stream().filter(e -> e.getString("reason").startsWith("fallback: ")).findFirst()
        .orElseThrow(() -> new AssertionError("no fallback event among " + events("model_chosen")));
  }

  @Test
  void should_answer_from_the_next_model_when_the_first_returns_a_server_error_and_rest_the_first() {
    start(agent(fast(), strong()));
    fastServer.enqueue(OllamaReply.error(503, "model is loading"));
    strongServer.fallback(OllamaReply.text("strong answers"));

    String answer = ask(begin("turn on the lamp"), "turn on the lamp").aiMessage().text();

    assertThat(answer).isEqualTo("strong answers");
    assertThat(fallbackReason().getString("model")).isEqualTo("strong");
    assertThat(fallbackReason().getString("reason")).isEqualTo("fallback: fast failed: HTTP 503: model is loading");
    assertThat(awaitState("model.fast", "degraded").getString("detail")).startsWith("HTTP 503: model is loading; passed over for 15 s");

    // The next household command goes straight to the strong model while the fast one rests.
    int fastRequests = fastServer.requestCount();
    ModelTurn next = begin("turn off the lamp");
    assertThat(ask(next, "turn off the lamp").aiMessage().text()).isEqualTo("strong answers");
    assertThat(fastServer.requestCount()).isEqualTo(fastRequests);
    assertThat(events("model_chosen").get(events("model_chosen").size() - 1).getString("reason"))
        .isEqualTo("a household command; fast is resting after a failure");
  }

  @Test
  void should_answer_from_the_next_model_when_the_first_refuses_connections() {
    start(agent(fast(), strong()));
    fastServer.close().await();
    strongServer.fallback(OllamaReply.text("strong answers"));

    assertThat(ask(begin("turn on the lamp"), "turn on the lamp").aiMessage().text()).isEqualTo("strong answers");
    assertThat(fallbackReason().getString("reason")).startsWith("fallback: fast failed: cannot connect");
  }

  @Test
  void should_answer_from_the_next_model_when_the_first_does_not_answer_in_time() {
    start(agent(fast().put("timeout_ms", 500), strong()));
    fastServer.enqueue(OllamaReply.text("too late").delayed(Duration.ofSeconds(5)));
    strongServer.fallback(OllamaReply.text("strong answers"));

    assertThat(ask(begin("turn on the lamp"), "turn on the lamp").aiMessage().text()).isEqualTo("strong answers");
    assertThat(fallbackReason().getString("reason")).startsWith("fallback: fast failed: no answer in time");
  }

  @Test
  void should_move_to_a_larger_window_when_the_server_says_the_prompt_overflows_without_resting_the_model() {
    start(agent(fast(), strong()));
    fastServer.enqueue(OllamaReply.error(400, "This model's maximum context length is 8192 tokens."
        + " (context_length_exceeded)"));
    strongServer.fallback(OllamaReply.text("strong answers"));

    assertThat(ask(begin("turn on the lamp"), "turn on the lamp").aiMessage().text()).isEqualTo("strong answers");
    assertThat(events("model_chosen").get(events("model_chosen").size() - 1).getString("reason"))
        .startsWith("the prompt needs ").endsWith("more than fast's window leaves");
    assertThat(events("component_state")).noneMatch(e -> e.getString("component").equals("model.fast")
        && e.getString("state").equals("degraded"));
  }

  @Test
  void should_retry_only_once_and_say_what_failed_when_the_next_model_fails_too() {
    start(agent(fast(), strong()));
    fastServer.enqueue(OllamaReply.error(500, "fast broke"));
    strongServer.enqueue(OllamaReply.error(500, "strong broke"));

    assertThatThrownBy(() -> ask(begin("turn on the lamp"), "turn on the lamp"))
        .isInstanceOfSatisfying(ModelFailure.class, failure -> assertThat(failure.detail())
            .isEqualTo("HTTP 500: strong broke"));
    assertThat(fastServer.requestCount() + strongServer.requestCount()).isEqualTo(2);
  }
}
