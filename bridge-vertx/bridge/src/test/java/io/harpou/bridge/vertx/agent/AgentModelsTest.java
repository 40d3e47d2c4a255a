package io.harpou.bridge.vertx.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Reply;
import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.RecordedRequest;
import io.harpou.testkit.ollama.ScriptedOllama;
import io.harpou.testkit.ollama.ScriptedOllamaOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent with two named models over real connections: a fast one on the scripted server's Ollama API and a strong
 * cloud one on a second scripted server's OpenAI API. Routing, fallback mid-turn, the ledger on {@code /api/usage},
 * Prometheus counters and each model in {@code /health}.
 */
class AgentModelsTest extends HttpAgentTestBase {

  private ScriptedOllama strongServer;

  @BeforeEach
  void startStrongServer() {
    strongServer = ScriptedOllama.create(vertx, new ScriptedOllamaOptions()).start().await();
  }

  private JsonObject twoModels() {
    return agentSection(false).put("models", new JsonObject()
        .put("fast", new JsonObject().put("provider", "ollama").put("url", ollama.baseUrl()).put("model", "llama3.2"))
        .put("strong", new JsonObject().put("provider", "openai").put("url", strongServer.openAiBaseUrl())
            .put("api_key", "sk-test").put("model", "gpt-4o").put("context_window", 128_000)
            .put("cost_per_1k_input", 2.5).put("cost_per_1k_output", 10.0)));
  }

  private void scriptKitchenLight(ScriptedOllama server) {
    server.addRule(OllamaMatch.userContains("kitchen").thenReply(OllamaReply.toolCall("light_on",
        new JsonObject().put("entity_id", "light.kitchen"))));
    server.addRule(OllamaMatch.toolResult("light_on").thenReply(OllamaReply.text("The kitchen light is on.")));
  }

  private HttpResponse<Buffer> get(String path) {
    return WebClient.create(vertx).get(bridge.httpPort(), "127.0.0.1", path).send().await();
  }

  private List<JsonObject> choices(String conversation) {
    return events("model_chosen").stream().filter(e -> conversation.equals(e.getString("conversation_id")))
        .toList();
  }

  @Test
  void should_answer_a_room_whose_agent_profile_names_the_strong_model_with_that_model_and_book_it_to_the_profile() {
    start(twoModels());
    post("/api/profiles", new JsonObject().put("id", "kitchen").put("name", "Chef").put("persona", "You are Chef.")
        .put("model", "strong").put("tools", new JsonArray().add("light_on")).put("rooms", new JsonArray()
            .add("kitchen")));
    scriptKitchenLight(strongServer);

    Reply command = ask("Turn on the kitchen light", "p1");

    assertThat(command.speech()).isEqualTo("The kitchen light is on.");
    assertThat(state("light.kitchen")).isEqualTo("on");
    assertThat(ollama.requestCount()).isZero();
    assertThat(choices("p1")).singleElement().satisfies(e -> {
      assertThat(e.getString("model")).isEqualTo("strong");
      assertThat(e.getString("reason")).isEqualTo("profile kitchen prefers strong");
    });
    assertThat(get("/api/usage?by=profile").bodyAsJsonObject().getJsonArray("groups").encode())
        .contains("\"profile\":\"kitchen\"");
  }

  @Test
  void should_route_a_household_command_to_the_fast_model_and_an_open_question_to_the_strong_one_saying_why() {
    start(twoModels());
    scriptKitchenLight(ollama);
    strongServer.fallback(OllamaReply.text("Lima."));

    Reply command = ask("Turn on the kitchen light", "r1");
    Reply question = ask("What is the capital of Peru?", "r2");

    assertThat(command.speech()).isEqualTo("The kitchen light is on.");
    assertThat(state("light.kitchen")).isEqualTo("on");
    assertThat(question.speech()).isEqualTo("Lima.");
    assertThat(choices("r1")).singleElement().satisfies(e -> {
      assertThat(e.getString("model")).isEqualTo("fast");
      assertThat(e.getString("reason")).isEqualTo("a household command");
    });
    assertThat(choices("r2")).singleElement().satisfies(e -> {
      assertThat(e.getString("model")).isEqualTo("strong");
      assertThat(e.getString("reason")).isEqualTo("an open question");
    });
    assertThat(ollama.requestCount()).isEqualTo(2);
    assertThat(strongServer.requestCount()).isEqualTo(1);

    JsonObject usage = get("/api/usage?by=model").bodyAsJsonObject();
    assertThat(usage.getJsonArray("groups").encode()).contains("\"model\":\"fast\",\"calls\":2")
        .contains("\"model\":\"strong\",\"calls\":1");
    String metrics = get("/metrics").bodyAsString();
    assertThat(metrics).contains("harpou_model_calls_total{model=\"strong\",outcome=\"ok\"} 1.0")
        .contains("harpou_model_calls_total{model=\"fast\",outcome=\"ok\"} 2.0")
        .contains("harpou_model_routes_total{model=\"fast\"} 1.0");
    JsonObject components = get("/health").bodyAsJsonObject().getJsonObject("components");
    assertThat(components.getJsonObject("model.fast").getString("state")).isEqualTo("ready");
    assertThat(components.getJsonObject("model.strong").getString("detail"))
        .isEqualTo("openai-compatible gpt-4o at " + strongServer.openAiBaseUrl());
  }

  @Test
  void should_finish_a_turn_on_the_strong_model_when_the_fast_one_dies_mid_turn_without_acting_twice() {
    start(twoModels());
    ollama.addRule(OllamaMatch.userContains("kitchen").thenReply(OllamaReply.toolCall("light_on",
        new JsonObject().put("entity_id", "light.kitchen"))));
    ollama.addRule(OllamaMatch.toolResult("light_on").thenReply(OllamaReply.error(500, "model runner crashed")));
    strongServer.addRule(OllamaMatch.toolResult("light_on").thenReply(OllamaReply.text("The kitchen light is on.")));

    Reply reply = ask("Turn on the kitchen light", "d1");

    assertThat(reply.speech()).isEqualTo("The kitchen light is on.");
    assertThat(state("light.kitchen")).isEqualTo("on");
    assertThat(audit("light_on")).hasSize(1);
    RecordedRequest continued = strongServer.takeRequest();
    assertThat(continued.messages().encode()).contains("\"role\":\"tool\"").contains("light.turn_on done");
    assertThat(choices("d1")).extracting(e -> e.getString("model") + ": " + e.getString("reason")).containsExactly(
        "fast: a household command", "strong: fallback: fast failed: HTTP 500: model runner crashed");
    JsonObject health = get("/health").bodyAsJsonObject();
    assertThat(health.getString("status")).isEqualTo("degraded");
    assertThat(health.getJsonObject("problems").getString("model.fast")).startsWith("degraded: HTTP 500: model"
        + " runner crashed; passed over for");
  }

  @Test
  void should_say_the_model_cannot_be_reached_when_every_model_is_down() {
    start(twoModels());
    String fastUrl = ollama.baseUrl();
    ollama.close().await();
    strongServer.close().await();

    Reply reply = ask("What is the capital of Peru?", "x1");

    assertThat(reply.type()).isEqualTo(Reply.Type.ERROR);
    // The open question went to the strong model first, then once to the fast one: the last failure is said.
    assertThat(reply.speech()).isEqualTo("Sorry, I can't reach the language model (ollama llama3.2 at "
        + fastUrl + ").");
    JsonObject problems = get("/health").bodyAsJsonObject().getJsonObject("problems");
    assertThat(problems.getString("model.fast")).contains("cannot connect");
    assertThat(problems.getString("model.strong")).contains("cannot connect");
  }

  @Test
  void should_refuse_a_usage_query_it_cannot_read_and_lose_nothing() {
    start(twoModels());
    strongServer.fallback(OllamaReply.text("Lima."));
    ask("What is the capital of Peru?", "u1");

    HttpResponse<Buffer> badGroup = get("/api/usage?by=week");
    HttpResponse<Buffer> badDate = get("/api/usage?from=yesterday");
    HttpResponse<Buffer> tooLong = get("/api/usage?from=2020-01-01&to=2026-01-01");

    assertThat(badGroup.statusCode()).isEqualTo(400);
    assertThat(badGroup.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .isEqualTo("by must be day, model or profile");
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(get("/api/usage?by=profile").bodyAsJsonObject().getJsonArray("groups").getJsonObject(0)
        .getString("profile")).isEqualTo("ada");
  }
}
