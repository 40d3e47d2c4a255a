package io.harpou.bridge.vertx.models;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.testkit.Await;
import io.harpou.testkit.ollama.ScriptedOllama;
import io.harpou.testkit.ollama.ScriptedOllamaOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two scripted model servers on loopback ports, a fast one answering Ollama's API and a strong one answering
 * OpenAI's (and Azure's), a database for the ledger, and every event on the bus.
 */
abstract class ModelsTestBase {

  protected final Vertx vertx = Vertx.vertx();
  protected final List<JsonObject> events = new CopyOnWriteArrayList<>();
  protected ScriptedOllama fastServer;
  protected ScriptedOllama strongServer;
  protected Database database;
  protected ModelPool pool;

  @TempDir
  Path dataDir;

  @BeforeEach
  void startServers() {
    fastServer = ScriptedOllama.create(vertx, new ScriptedOllamaOptions()).start().await();
    strongServer = ScriptedOllama.create(vertx, new ScriptedOllamaOptions()).start().await();
    database = Database.open(vertx, dataDir.resolve("harpou.db")).await();
    vertx.eventBus().<JsonObject>consumer(BridgeAddresses.EVENTS, m -> events.add(m.body()));
  }

  @AfterEach
  void stopAll() {
    vertx.close().await();
  }

  /** The fast model: Ollama's API, local, free. */
  protected JsonObject fast() {
    return new JsonObject().put("provider", "ollama").put("url", fastServer.baseUrl()).put("model", "qwen3:4b")
        .put("context_window", 8192);
  }

  /** The strong model: an OpenAI-compatible cloud model with prices. */
  protected JsonObject strong() {
    return new JsonObject().put("provider", "openai").put("url", strongServer.openAiBaseUrl())
        .put("api_key", "sk-test").put("model", "gpt-4o").put("context_window", 128_000)
        .put("cost_per_1k_input", 2.5).put("cost_per_1k_output", 10.0);
  }

  /** The agent section with these named models, fast and strong. */
  protected JsonObject agent(JsonObject fast, JsonObject strong) {
    return new JsonObject().put("models", new JsonObject().put("fast", fast).put("strong", strong));
  }

  protected ModelPool start(JsonObject agentSection) {
    pool = ModelPool.start(vertx, ModelsOptions.fromAgentSection(agentSection), database).await();
    return pool;
  }

  protected ModelTurn begin(String text) {
    return begin(text, "c1");
  }

  protected ModelTurn begin(String text, String conversation) {
    return pool.begin(new TurnRequest("t-" + events.size(), conversation, text, "en", "ada", null));
  }

  /** One call of the turn with a system message and the request, on a Vert.x context as the agent makes it. */
  protected ChatResponse ask(ModelTurn turn, String text) {
    List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from("You are a test."),
        UserMessage.from(text)));
    return call(() -> turn.chat(messages, 1, List.of(), (fragment, reasoning) -> { }));
  }

  /** Runs {@code call} on a Vert.x context and waits for it. */
  protected <T> T call(java.util.function.Supplier<Future<T>> call) {
    return Future.<T>future(promise -> vertx.runOnContext(v -> call.get().onComplete(promise))).await();
  }

  /** The latest state of a {@code /health} component, once it is {@code state}; fails after ten seconds. */
  protected JsonObject awaitState(String component, String state) {
    return Await.value(component + " " + state + " among " + events, Await.DEFAULT_TIMEOUT,
        () -> events("component_state").stream().filter(e -> e.getString("component").equals(component))
            .reduce((a, b) -> b).filter(e -> e.getString("state").equals(state)).orElse(null));
  }

  protected List<JsonObject> events(String kind) {
    return events.stream().filter(e -> kind.equals(e.getString("kind"))).toList();
  }
}
