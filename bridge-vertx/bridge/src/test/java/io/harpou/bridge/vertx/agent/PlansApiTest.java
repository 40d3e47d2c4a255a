package io.harpou.bridge.vertx.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.http.ApiKeys;
import io.harpou.testkit.Await;
import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plans are kept in the database and read over {@code /api/plans}: each key sees only the plans asked for under its
 * name, and a plan, its steps and their states are still there after the hub restarts on the same database; a plan
 * the hub stopped during is marked interrupted rather than left running.
 */
class PlansApiTest extends HttpAgentTestBase {

  private String alice;
  private String bob;

  @BeforeEach
  void createKeys() {
    Database database = Database.open(vertx, dataDir.resolve("harpou.db")).await();
    try {
      ApiKeys keys = ApiKeys.open(database).await();
      alice = keys.create("alice").await();
      bob = keys.create("bob").await();
    } finally {
      database.close().await();
    }
  }

  private HttpResponse<Buffer> get(String path, String key) {
    return WebClient.create(vertx).get(bridge.httpPort(), "127.0.0.1", path).bearerTokenAuthentication(key).send()
        .await();
  }

  private HttpResponse<Buffer> askAs(String key, String text) {
    return post("/api/conversation/process").bearerTokenAuthentication(key)
        .sendJsonObject(new JsonObject().put("text", text).put("language", "en")).await();
  }

  private static JsonArray statuses(JsonObject plan) {
    return new JsonArray(plan.getJsonArray("steps").stream().map(s -> ((JsonObject) s).getString("status")).toList());
  }

  @Test
  void should_list_a_plan_to_its_asker_only_and_keep_it_across_a_restart() {
    start(agentSection(true));
    AgentPlanTest.scriptSteps(ollama, "Turn on the kitchen light", "light.kitchen");

    HttpResponse<Buffer> asked = askAs(alice, AgentPlanTest.REQUEST);
    assertThat(asked.bodyAsJsonObject().getJsonObject("response").getJsonObject("speech").getJsonObject("plain")
        .getString("speech")).isEqualTo("Done: The kitchen light is on. There are 7 files.");

    JsonArray mine = get("/api/plans", alice).bodyAsJsonObject().getJsonArray("plans");
    assertThat(mine).hasSize(1);
    JsonObject plan = mine.getJsonObject(0);
    String id = plan.getString("id");
    assertThat(plan.getString("user")).isEqualTo("alice");
    assertThat(plan.getString("request")).isEqualTo(AgentPlanTest.REQUEST);
    assertThat(plan.getString("status")).isEqualTo("done");
    assertThat(statuses(plan)).containsExactly("done", "done");
    assertThat(plan.getJsonArray("steps").getJsonObject(1).getString("result")).isEqualTo("There are 7 files.");

    assertThat(get("/api/plans", bob).bodyAsJsonObject().getJsonArray("plans")).isEmpty();
    HttpResponse<Buffer> foreign = get("/api/plans/" + id, bob);
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.bodyAsString()).doesNotContain("kitchen");

    restart(agentSection(true));

    HttpResponse<Buffer> after = get("/api/plans/" + id, alice);
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.bodyAsJsonObject()).isEqualTo(plan);
  }

  @Test
  void should_mark_a_plan_the_hub_stopped_during_as_interrupted_after_the_restart() {
    start(agentSection(true));
    // The first matching rule answers: the second step's model call hangs until long after the restart.
    ollama.addRule(OllamaMatch.userContains("step 2: Count the files").thenReply(OllamaReply.text("Counted.")
        .delayed(Duration.ofSeconds(60))));
    AgentPlanTest.scriptSteps(ollama, "Turn on the kitchen light", "light.kitchen");

    post("/api/conversation/process").bearerTokenAuthentication(alice)
        .sendJsonObject(new JsonObject().put("text", AgentPlanTest.REQUEST).put("language", "en"));
    JsonObject running = Await.value("the plan's second step running", Await.DEFAULT_TIMEOUT, () -> {
      JsonArray plans = get("/api/plans", alice).bodyAsJsonObject().getJsonArray("plans");
      return plans.isEmpty() || !statuses(plans.getJsonObject(0)).equals(new JsonArray().add("done").add("running"))
          ? null : plans.getJsonObject(0);
    });

    restart(agentSection(true));

    JsonObject after = get("/api/plans/" + running.getString("id"), alice).bodyAsJsonObject();
    assertThat(after.getString("status")).isEqualTo("interrupted");
    assertThat(statuses(after)).containsExactly("done", "interrupted");
  }
}
