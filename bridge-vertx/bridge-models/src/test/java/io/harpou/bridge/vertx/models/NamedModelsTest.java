package io.harpou.bridge.vertx.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.RecordedRequest;
import io.harpou.testkit.ollama.ScriptedOllamaOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Several named models, each reached through its own API over a real connection: Ollama, an OpenAI-compatible
 * server, and an Azure OpenAI deployment (deployment path, api-version, api-key header) through LangChain4j's OpenAI
 * client shaped for Azure.
 */
class NamedModelsTest extends ModelsTestBase {

  private JsonObject azure(String key) {
    return new JsonObject().put("provider", "azure-openai").put("endpoint", strongServer.baseUrl())
        .put("deployment", "gpt4o-home").put("api_version", "2024-10-21").put("api_key", key)
        .put("context_window", 128_000).put("cost_per_1k_input", 2.5).put("cost_per_1k_output", 10.0);
  }

  private JsonObject threeModels(String azureKey) {
    return new JsonObject().put("models", new JsonObject().put("fast", fast()).put("strong", strong())
        .put("azure", azure(azureKey))).put("routing", new JsonObject().put("rules", rules("azure please", "azure", "strong please",
        "strong")));
  }

  @Test
  void should_reach_each_of_three_named_models_through_its_own_api() {
    start(threeModels(ScriptedOllamaOptions.DEFAULT_AZURE_API_KEY));
    fastServer.fallback(OllamaReply.text("fast here"));
    strongServer.fallback(OllamaReply.text("cloud here"));

    assertThat(ask(begin("turn the lamp on"), "turn the lamp on").aiMessage().text()).isEqualTo("fast here");
    assertThat(ask(begin("strong please"), "strong please").aiMessage().text()).isEqualTo("cloud here");
    assertThat(ask(begin("azure please"), "azure please").aiMessage().text()).isEqualTo("cloud here");

    RecordedRequest ollama = fastServer.takeRequest();
    assertThat(ollama.path()).isEqualTo("/api/chat");
    assertThat(ollama.model()).isEqualTo("qwen3:4b");
    assertThat(ollama.options().getInteger("num_ctx")).isEqualTo(8192);
    RecordedRequest openAi = strongServer.takeRequest();
    assertThat(openAi.path()).isEqualTo("/v1/chat/completions");
    assertThat(openAi.header("authorization")).isEqualTo("Bearer sk-test");
    RecordedRequest azure = strongServer.takeRequest();
    assertThat(azure.path()).isEqualTo("/openai/deployments/gpt4o-home/chat/completions");
    assertThat(azure.query()).isEqualTo("api-version=2024-10-21");
    assertThat(azure.header("api-key")).isEqualTo(ScriptedOllamaOptions.DEFAULT_AZURE_API_KEY);
    assertThat(azure.header("authorization")).isNull();
    assertThat(pool.describe()).contains("azure-openai deployment gpt4o-home at " + strongServer.baseUrl())
        .doesNotContain(ScriptedOllamaOptions.DEFAULT_AZURE_API_KEY).doesNotContain("sk-test");
  }

  @Test
  void should_say_azure_refused_the_key_when_the_api_key_is_wrong() {
    start(new JsonObject().put("models", new JsonObject().put("azure", azure("not-the-key"))));

    assertThatThrownBy(() -> ask(begin("azure please"), "azure please"))
        .isInstanceOfSatisfying(ModelFailure.class, failure -> {
          assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.ERROR);
          assertThat(failure.detail()).startsWith("HTTP 401: Access denied");
        });
  }

  @Test
  void should_refuse_to_start_when_a_rule_names_a_model_that_is_not_configured() {
    JsonObject section = agent(fast(), strong()).put("routing", new JsonObject().put("rules",
        rules("anything", "gpt-5")));

    assertThatThrownBy(() -> start(section)).hasMessageContaining("names model 'gpt-5', which is not configured");
  }

  @Test
  void should_refuse_a_model_name_that_could_forge_a_log_line() {
    JsonObject section = new JsonObject().put("models", new JsonObject().put("fast\nINFO forged", fast()));

    assertThatThrownBy(() -> ModelsOptions.fromAgentSection(section)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a model name is 1 to 64 of a-z");
  }

  /** Routing rules sending a request that contains each phrase to the model after it. */
  static JsonArray rules(String... phraseThenModel) {
    JsonArray rules = new JsonArray();
    for (int i = 0; i < phraseThenModel.length; i += 2) {
      rules.add(new JsonObject().put("when", new JsonObject().put("contains_any", new JsonArray()
          .add(phraseThenModel[i]))).put("model", phraseThenModel[i + 1]));
    }
    return rules;
  }
}
