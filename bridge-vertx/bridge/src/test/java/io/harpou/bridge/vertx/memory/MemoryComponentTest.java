package io.harpou.bridge.vertx.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.event.TurnStarted;
import io.harpou.bridge.api.memory.Memory;
import io.harpou.bridge.api.memory.MemoryStore;
import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.testkit.Await;
import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.ScriptedOllama;
import io.harpou.testkit.ollama.ScriptedOllamaOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memory component inside a started bridge. */
class MemoryComponentTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dataDir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private BridgeOptions options(JsonObject memory) {
    return new BridgeOptions().setDataDir(dataDir).setHttpEnabled(false).setMonitorsEnabled(false)
        // The section as a configuration file holds it: a bad value must fail the start, not the test.
        .setSection("memory", memory);
  }

  private static void eventually(BooleanSupplier condition) {
    Await.until("the memory component's work", Duration.ofSeconds(20), condition::getAsBoolean);
  }

  @Test
  void should_publish_the_store_index_the_folder_and_sweep_expired_memories() throws Exception {
    Path docs = Files.createDirectories(dataDir.resolve("docs"));
    Files.writeString(docs.resolve("first.md"), "The pool pump runs from 10 am to 4 pm.");
    Bridge bridge = Bridge.create(vertx, options(new JsonObject().put("docs_dir", docs.toString())
        .put("docs_scan_interval_ms", 200).put("sweep_interval_ms", 200))).start().await();
    MemoryStore store = bridge.memory().orElseThrow();
    MemoryService service = (MemoryService) store;

    assertThat(bridge.health().toJson().getJsonObject("components").getJsonObject("memory").getString("state"))
        .isEqualTo("ready");
    eventually(() -> service.documents().files().await().size() == 1);
    Files.writeString(docs.resolve("second.txt"), "The pool cover key hangs in the shed.");
    eventually(() -> service.documents().files().await().size() == 2);
    assertThat(service.documents().search("where is the key of the pool cover", 1).await().get(0).file())
        .isEqualTo("second.txt");

    Memory old = store.remember(new Memory(null, "The babysitter comes tonight", null, null, null, null, null,
        Instant.now().plusMillis(300))).await();
    eventually(() -> bridge.database().run(c -> {
      try (ResultSet rows = c.createStatement().executeQuery("SELECT count(*) FROM memories WHERE id = '"
          + old.id() + "'")) {
        return rows.getInt(1) == 0;
      }
    }).await());
    bridge.close().await();
  }

  @Test
  void should_learn_facts_from_turns_when_a_fact_model_is_configured() throws Exception {
    ScriptedOllama ollama = ScriptedOllama.create(vertx, new ScriptedOllamaOptions()).start().await();
    ollama.addRule(OllamaMatch.userContains("vegetarian").thenReply(OllamaReply.text(
        "{\"facts\": [{\"text\": \"Bob is vegetarian\", \"scope\": \"person\", \"subject\": \"bob\"}]}")));
    Bridge bridge = Bridge.create(vertx, options(new JsonObject().put("facts", new JsonObject()
        .put("ollama_url", ollama.baseUrl()).put("model", "llama3.2")))).start().await();
    MemoryStore store = bridge.memory().orElseThrow();

    Utterance said = new Utterance("I'm vegetarian, so no meat recipes please", "en", "c-9", null, null, null, "bob");
    vertx.eventBus().publish(BridgeAddresses.EVENTS, new TurnStarted(Instant.now(), "t-1", said).toJson());

    eventually(() -> !store.list(null, 10).await().isEmpty());
    Memory learned = store.list(null, 10).await().get(0);
    assertThat(learned.text()).isEqualTo("Bob is vegetarian");
    assertThat(learned.subject()).isEqualTo("bob");
    assertThat(learned.conversationId()).isEqualTo("c-9");
    bridge.close().await();
    ollama.close().await();
  }

  @Test
  void should_run_without_memory_when_disabled_and_refuse_bad_options() {
    Bridge bridge = Bridge.create(vertx, options(new JsonObject().put("enabled", false))).start().await();
    assertThat(bridge.memory()).isEmpty();
    bridge.close().await();

    assertThatThrownBy(() -> Bridge.create(vertx, options(new JsonObject().put("chunk_size", 10))).start().await())
        .isInstanceOf(BridgeException.class).hasMessageContaining("chunk_size");
  }
}
