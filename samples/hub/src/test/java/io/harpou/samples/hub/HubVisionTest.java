package io.harpou.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.RecordedRequest;
import io.harpou.testkit.ollama.ScriptedOllama;
import io.harpou.testkit.ollama.ScriptedOllamaOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Is there a package at the front door?" in the hub's virtual home, the camera's image shown to a vision model that
 * is one of the named models, or that is given by its model alone on the agent's own server.
 */
class HubVisionTest {

  private final Vertx vertx = Vertx.vertx();
  private ScriptedOllama agentServer;
  private ScriptedOllama eyesServer;
  private HubVerticle hub;

  @TempDir
  Path dataDir;

  @BeforeEach
  void startServers() {
    agentServer = ScriptedOllama.create(vertx, new ScriptedOllamaOptions()).start().await();
    eyesServer = ScriptedOllama.create(vertx, new ScriptedOllamaOptions()).start().await();
    eyesServer.fallback(OllamaReply.text("A brown box lies on the doormat."));
    agentServer.addRule(OllamaMatch.toolResult("describe_camera").thenReply(OllamaReply.text("Yes, a box.")));
    agentServer.addRule(OllamaMatch.userContains("package").thenReply(OllamaReply.toolCall("describe_camera",
        new JsonObject().put("entity_id", "camera.front_door").put("question", "Is there a package?"))));
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private static JsonObject ollama(String url, String model) {
    return new JsonObject().put("provider", "ollama").put("url", url).put("model", model);
  }

  /** Two named models; a question about a package goes to {@code fast}, so only the camera's image reaches eyes. */
  private JsonObject twoModels(JsonObject vision) {
    return new JsonObject()
        .put("models", new JsonObject().put("fast", ollama(agentServer.baseUrl(), "llama3.2"))
            .put("eyes", ollama(eyesServer.baseUrl(), "qwen2.5vl:7b")))
        .put("routing", new JsonObject().put("rules", new JsonArray().add(new JsonObject()
            .put("when", new JsonObject().put("contains_any", new JsonArray().add("package")))
            .put("model", "fast").put("reason", "camera questions"))))
        .put("vision", vision);
  }

  private void startHub(JsonObject agent) {
    // Memory would load its ONNX embedding model for the turn's recall, which this test is not about.
    JsonObject file = new JsonObject().put("data_dir", dataDir.toString())
        .put("http", new JsonObject().put("port", 0)).put("wyoming", new JsonObject().put("port", 0))
        .put("memory", new JsonObject().put("enabled", false)).put("agent", agent)
        .put("monitors", new JsonObject().put("enabled", false));
    hub = new HubVerticle();
    vertx.deployVerticle(hub, new DeploymentOptions().setConfig(HubConfig.resolve(file, Map.of(), Map.of())))
        .await();
  }

  private Reply ask(String text) {
    return hub.bridge().agent().orElseThrow().ask(Utterance.of(text)).await();
  }

  @Test
  void should_show_the_camera_image_to_the_named_model_the_vision_section_uses() {
    startHub(twoModels(new JsonObject().put("use", "eyes")));

    Reply reply = ask("Is there a package at the front door?");

    assertThat(reply.speech()).isEqualTo("Yes, a box.");
    RecordedRequest looked = eyesServer.takeRequest();
    assertThat(looked.model()).isEqualTo("qwen2.5vl:7b");
    assertThat(looked.images()).hasSize(1);
    assertThat(looked.lastUserMessage()).contains("Is there a package?");
    assertThat(agentServer.requests()).noneSatisfy(request -> assertThat(request.images()).isNotEmpty());
  }

  @Test
  void should_ask_the_agents_own_server_for_a_vision_model_given_by_its_name_alone() {
    startHub(new JsonObject().put("ollama", new JsonObject().put("url", agentServer.baseUrl())
        .put("model", "llama3.2")).put("vision", new JsonObject().put("model", "qwen2.5vl:7b")));

    Reply reply = ask("Is there a package at the front door?");

    assertThat(reply.speech()).isEqualTo("Yes, a box.");
    assertThat(agentServer.requests()).anySatisfy(request -> {
      assertThat(request.model()).isEqualTo("qwen2.5vl:7b");
      assertThat(request.images()).hasSize(1);
    });
  }

  @Test
  void should_tell_the_agent_the_vision_budget_is_spent_and_show_the_image_to_no_model() {
    JsonObject agent = twoModels(new JsonObject().put("use", "eyes"));
    // The scripted server counts a word a token: one look costs more than the whole budget.
    agent.getJsonObject("models").getJsonObject("eyes").put("local", false).put("cost_per_1k_input", 1000.0)
        .put("monthly_budget", 1);
    startHub(agent);
    ask("Is there a package at the front door?");

    ask("Is there a package at the front door?");

    assertThat(eyesServer.requestCount()).isEqualTo(1);
    assertThat(agentServer.requests()).filteredOn(request -> request.messages().encode().contains("describe_camera"))
        .last().satisfies(request -> assertThat(request.messages().encode()).contains("the vision model eyes has"
            + " spent its monthly budget (").contains("so no camera image can be looked at until next month"));
  }

  @Test
  void should_refuse_to_start_when_the_vision_section_uses_a_model_that_is_not_configured() {
    assertThatThrownBy(() -> startHub(twoModels(new JsonObject().put("use", "glasses"))))
        .hasMessageContaining("agent.vision.use names no model: glasses");
  }
}
