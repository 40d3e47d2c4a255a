package io.harpou.bridge.vertx.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.harpou.bridge.vertx.model.ModelUsage;
import io.harpou.bridge.vertx.models.ModelFailure;
import io.harpou.bridge.vertx.models.ModelPool;
import io.harpou.bridge.vertx.models.ModelsOptions;
import io.harpou.bridge.vertx.models.TurnRequest;
import io.harpou.testkit.Await;
import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.ScriptedOllama;
import io.harpou.testkit.ollama.ScriptedOllamaOptions;
import io.harpou.testkit.pg.PostgresServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two hubs, each with its own Vert.x and model pool, keep their model calls in one ledger on a real PostgreSQL
 * database: a cloud model's monthly budget spent by one hub's turns is refused on the other's.
 */
class SharedBudgetTest {

  private static final String QUESTION = "what is the capital of Peru?";
  private static PostgresServer server;

  private final List<Vertx> hubs = new ArrayList<>();
  private final List<PgStore> stores = new ArrayList<>();
  private final List<ModelPool> pools = new ArrayList<>();
  private ScriptedOllama cloud;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void openTwoHubs() throws Exception {
    String url = server.newDatabase();
    for (int i = 0; i < 2; i++) {
      Vertx vertx = Vertx.vertx();
      hubs.add(vertx);
      stores.add(PgStore.open(vertx, new PgStoreOptions().setUrl(url)).await());
    }
    cloud = ScriptedOllama.create(hubs.get(0), new ScriptedOllamaOptions()).start().await();
    cloud.fallback(OllamaReply.text("Lima."));
  }

  @AfterEach
  void closeHubs() {
    pools.forEach(ModelPool::close);
    stores.forEach(s -> s.close().await());
    hubs.forEach(v -> v.close().await());
  }

  @Test
  void should_refuse_on_one_hub_a_budget_the_other_hub_spent() {
    ModelPool first = start(0);
    ModelPool second = start(1);

    // The scripted server counts a word a token: one question costs 10, the budget is 5.
    ask(0, first);
    assertThat(cloud.requestCount()).isEqualTo(1);

    Await.until("the second hub knows the budget is spent", () -> "spent".equals(second.usage()
        .usage(ModelUsage.GroupBy.MODEL, Instant.now().minusSeconds(60), Instant.now().plusSeconds(1)).await()
        .getJsonObject("budgets").getJsonObject("cloud").getString("state")));
    assertThatThrownBy(() -> ask(1, second)).isInstanceOfSatisfying(ModelFailure.class,
        failure -> assertThat(failure.speech("en")).contains("has spent its monthly budget"));
    assertThat(cloud.requestCount()).isEqualTo(1);
  }

  private ModelPool start(int hub) {
    JsonObject model = new JsonObject().put("provider", "openai").put("url", cloud.openAiBaseUrl())
        .put("api_key", "sk-test").put("model", "gpt-4o").put("context_window", 128_000)
        .put("cost_per_1k_input", 1000.0).put("cost_per_1k_output", 0.0).put("monthly_budget", 5);
    ModelsOptions options = ModelsOptions.fromAgentSection(new JsonObject().put("models",
        new JsonObject().put("cloud", model)));
    ModelPool pool = stores.get(hub).usageLedger().compose(ledger -> ModelPool.start(hubs.get(hub), options, ledger))
        .await();
    pools.add(pool);
    return pool;
  }

  /** One turn's call, on the hub's Vert.x context as the agent makes it. */
  private void ask(int hub, ModelPool pool) {
    List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from("You are a test."),
        UserMessage.from(QUESTION)));
    Future.future(promise -> hubs.get(hub).runOnContext(v -> pool.begin(new TurnRequest("t-" + hub, "c" + hub,
        QUESTION, "en", null, null)).chat(messages, 1, List.of(), (fragment, reasoning) -> { })
        .onComplete(promise))).await();
  }
}
