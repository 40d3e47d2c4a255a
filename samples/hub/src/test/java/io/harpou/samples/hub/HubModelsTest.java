package io.harpou.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.RecordedRequest;
import io.harpou.testkit.ollama.ScriptedOllama;
import io.harpou.testkit.ollama.ScriptedOllamaOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The common case set by environment variables alone: a local Ollama model and an Azure OpenAI deployment, the first
 * the fast model and the second the strong one, reached over real connections by the hub.
 */
class HubModelsTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dataDir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_send_an_open_question_to_the_azure_deployment_named_by_the_environment_and_never_show_its_key() {
    ScriptedOllama server = ScriptedOllama.create(vertx, new ScriptedOllamaOptions()).start().await();
    server.addRule(OllamaMatch.userContains("Peru").thenReply(OllamaReply.text("Lima.")));
    // Memory would load its ONNX embedding model for the turn's recall, which this test is not about.
    JsonObject file = new JsonObject().put("data_dir", dataDir.toString())
        .put("http", new JsonObject().put("port", 0)).put("wyoming", new JsonObject().put("port", 0))
        .put("memory", new JsonObject().put("enabled", false))
        .put("monitors", new JsonObject().put("enabled", false));
    JsonObject config = HubConfig.resolve(file, Map.of(
        "HARPOU_OLLAMA_URL", server.baseUrl(), "HARPOU_OLLAMA_MODEL", "llama3.2",
        "HARPOU_AZURE_OPENAI_ENDPOINT", server.baseUrl(), "HARPOU_AZURE_OPENAI_DEPLOYMENT", "gpt4o-home",
        "HARPOU_AZURE_OPENAI_API_KEY", ScriptedOllamaOptions.DEFAULT_AZURE_API_KEY), Map.of());
    HubVerticle hub = new HubVerticle();
    vertx.deployVerticle(hub, new DeploymentOptions().setConfig(config)).await();

    Reply reply = hub.bridge().agent().orElseThrow().ask(Utterance.of("What is the capital of Peru?")).await();

    assertThat(reply.speech()).isEqualTo("Lima.");
    RecordedRequest sent = server.requests().stream().filter(r -> r.path().startsWith("/openai/")).findFirst()
        .orElseThrow(() -> new AssertionError("nothing reached the Azure endpoint: " + server.requests()));
    assertThat(sent.path()).isEqualTo("/openai/deployments/gpt4o-home/chat/completions");
    assertThat(sent.query()).isEqualTo("api-version=2024-10-21");
    assertThat(sent.header("api-key")).isEqualTo(ScriptedOllamaOptions.DEFAULT_AZURE_API_KEY);
    String report = StartupReport.describe(config, hub.bridge(), hub.virtualHome());
    assertThat(report).contains("ollama: ollama llama3.2 at " + server.baseUrl())
        .contains("azure: azure-openai deployment gpt4o-home at " + server.baseUrl())
        .contains("(fast ollama, strong azure)").doesNotContain(ScriptedOllamaOptions.DEFAULT_AZURE_API_KEY);
    assertThat(hub.bridge().health().toJson().encode()).doesNotContain(ScriptedOllamaOptions.DEFAULT_AZURE_API_KEY);
  }
}
