package io.harpou.bridge.vertx.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Reply;
import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * The response cache over real connections: the scripted server is the chat model and, through Ollama's embedding
 * API, the cache's embedding model. A question asked again is answered from the cache and marked so; a question about
 * the home, or one whose answer acted, never is.
 */
class AgentCacheTest extends AgentTestBase {

  private JsonObject withCache() {
    return agentSection(true).put("cache", new JsonObject().put("enabled", true).put("threshold", 0.9)
        .put("embeddings", new JsonObject().put("provider", "ollama").put("url", ollama.baseUrl())
            .put("model", "all-minilm")));
  }

  private long chatRequests() {
    return ollama.requests().stream().filter(r -> r.path().equals("/api/chat")).count();
  }

  @Test
  void should_answer_a_question_asked_again_from_the_cache_and_mark_the_hit() {
    start(withCache());
    ollama.addRule(OllamaMatch.userContains("Peru").thenReply(OllamaReply.text("Lima.")));

    Reply first = ask("What is the capital of Peru?", "k1");
    Reply again = ask("what is the capital of peru", "k2");
    Reply reworded = ask("What is the capital of Peru, please?", "k3");

    assertThat(first.speech()).isEqualTo("Lima.");
    assertThat(again.speech()).isEqualTo("Lima.");
    assertThat(reworded.speech()).isEqualTo("Lima.");
    assertThat(chatRequests()).isEqualTo(1);
    assertThat(events("model_chosen")).extracting(e -> e.getString("conversation_id") + " "
        + e.getString("reason")).contains("k2 cache hit: the same question")
        .anyMatch(line -> line.startsWith("k3 cache hit: a question 0.9"));
    assertThat(events("model_call")).extracting(e -> e.getString("outcome"))
        .containsExactly("ok", "cache_hit", "cache_hit");
  }

  @Test
  void should_send_a_different_question_to_the_model() {
    start(withCache());
    ollama.addRule(OllamaMatch.userContains("Peru").thenReply(OllamaReply.text("Lima.")));
    ollama.addRule(OllamaMatch.userContains("Everest").thenReply(OllamaReply.text("8,849 metres.")));

    ask("What is the capital of Peru?", "n1");
    Reply other = ask("How tall is Mount Everest?", "n2");

    assertThat(other.speech()).isEqualTo("8,849 metres.");
    assertThat(chatRequests()).isEqualTo(2);
  }

  @Test
  void should_never_serve_a_question_about_the_home_from_the_cache() {
    start(withCache());
    ollama.addRule(OllamaMatch.userContains("lamp").thenReply(OllamaReply.text("It's off.")).once());
    ollama.addRule(OllamaMatch.userContains("lamp").thenReply(OllamaReply.text("It's on now.")));

    ask("Is the kitchen lamp on?", "h1");
    Reply second = ask("Is the kitchen lamp on?", "h2");

    assertThat(second.speech()).isEqualTo("It's on now.");
    assertThat(chatRequests()).isEqualTo(2);
  }

  @Test
  void should_never_serve_an_answer_that_acted_from_the_cache() {
    start(withCache());
    ollama.addRule(OllamaMatch.userContains("cosy").thenReply(OllamaReply.toolCall("light_on",
        new JsonObject().put("entity_id", "light.kitchen"))));
    ollama.addRule(OllamaMatch.toolResult("light_on").thenReply(OllamaReply.text("I turned on the kitchen light.")));

    ask("Why not make the room cosy?", "a1");
    home.setState("light.kitchen", "off");
    Reply second = ask("Why not make the room cosy?", "a2");

    assertThat(second.speech()).isEqualTo("I turned on the kitchen light.");
    assertThat(state("light.kitchen")).isEqualTo("on");
    assertThat(audit("light_on")).hasSize(2);
  }
}
