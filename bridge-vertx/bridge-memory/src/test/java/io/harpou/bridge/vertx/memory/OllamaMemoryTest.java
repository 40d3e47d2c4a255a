package io.harpou.bridge.vertx.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.memory.Memory;
import io.harpou.bridge.api.memory.MemoryQuery;
import io.harpou.bridge.api.memory.MemoryScope;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.RecordedRequest;
import io.harpou.testkit.ollama.ScriptedOllama;
import io.harpou.testkit.ollama.ScriptedOllamaOptions;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ollama embeddings and LLM fact extraction, against the scripted Ollama server. */
class OllamaMemoryTest extends MemoryTestSupport {

  private ScriptedOllama ollama;

  @BeforeEach
  void startOllama() {
    ollama = ScriptedOllama.create(vertx, new ScriptedOllamaOptions().setModels(List.of("llama3.2:latest",
        "all-minilm:latest"))).start().await();
  }

  @AfterEach
  void stopOllama() {
    ollama.close().await();
  }

  private MemoryOptions withOllamaEmbeddings() {
    return new MemoryOptions().setEmbeddingsOllamaUrl(ollama.baseUrl()).setEmbeddingsModel("all-minilm");
  }

  private static List<String> models(Database db) {
    return db.run(c -> {
      List<String> out = new java.util.ArrayList<>();
      try (ResultSet rows = c.createStatement().executeQuery("SELECT DISTINCT model FROM memory_vectors")) {
        while (rows.next()) {
          out.add(rows.getString(1));
        }
      }
      return out;
    }).await();
  }

  @Test
  void should_embed_through_ollama_api_embed() {
    MemoryService store = open(withOllamaEmbeddings());

    store.remember(Memory.of("The garage door code is 3309")).await();
    store.remember(Memory.of("Grandma visits every second Sunday")).await();

    assertThat(store.modelId()).isEqualTo("ollama-all-minilm");
    assertThat(store.recall(MemoryQuery.of("garage code", 1)).await().get(0).memory().text()).contains("3309");
    RecordedRequest embed = ollama.requests().stream().filter(r -> r.path().equals("/api/embed")).findFirst()
        .orElseThrow();
    assertThat(embed.body().getString("model")).isEqualTo("all-minilm");
  }

  @Test
  void should_reembed_everything_when_the_embedding_model_changes() {
    MemoryService before = open(withOllamaEmbeddings());
    before.remember(Memory.of("The spare key is under the blue flower pot")).await();
    before.remember(Memory.of("Alice is allergic to peanuts")).await();
    closeAll();

    MemoryService after = open(new MemoryOptions());

    assertThat(after.modelId()).isEqualTo("all-minilm-l6-v2-q");
    assertThat(models(database())).containsExactly("all-minilm-l6-v2-q");
    assertThat(after.recall(MemoryQuery.of("where is the extra house key hidden", 1)).await().get(0).memory()
        .text()).contains("flower pot");
  }

  @Test
  void should_learn_durable_personal_facts_and_ignore_passing_requests() {
    ollama.addRule(OllamaMatch.userContains("peanuts").thenReply(OllamaReply.text("""
        {"facts": [{"text": "Alice is allergic to peanuts", "scope": "person", "subject": "alice"}]}""")));
    ollama.addRule(OllamaMatch.userContains("Pixel").thenReply(OllamaReply.text("""
        Here you go: {"facts": [{"text": "The cat is called Pixel", "scope": "household", "subject": null}]}""")));
    // The prompt names the room, so the rule on "weather" must come before the one on "kitchen".
    ollama.addRule(OllamaMatch.userContains("weather").thenReply(OllamaReply.text("I am not sure, sorry.")));
    ollama.addRule(OllamaMatch.userContains("kitchen light").thenReply(OllamaReply.text("{\"facts\": []}")));
    MemoryService store = open(new MemoryOptions());
    store.remember(Memory.of("The cat is called Mochi")).await();
    FactExtractor extractor = FactExtractor.create(vertx, new MemoryOptions().setFactsOllamaUrl(ollama.baseUrl())
        .setFactsModel("llama3.2"));
    Utterance base = new Utterance("x", "en", "conv-7", null, "kitchen", null, "alice");

    List<Memory> allergy = store.learn(base.withText("By the way, I'm allergic to peanuts"), extractor).await();
    List<Memory> none = store.learn(base.withText("Turn on the kitchen light"), extractor).await();
    List<Memory> unreadable = store.learn(base.withText("What's the weather like?"), extractor).await();
    store.learn(base.withText("We renamed the cat, she's Pixel now"), extractor).await();

    assertThat(allergy).singleElement().satisfies(m -> {
      assertThat(m.scope()).isEqualTo(MemoryScope.PERSON);
      assertThat(m.subject()).isEqualTo("alice");
      assertThat(m.source()).isEqualTo("alice");
      assertThat(m.conversationId()).isEqualTo("conv-7");
    });
    assertThat(none).isEmpty();
    assertThat(unreadable).isEmpty();
    assertThat(store.list(null, 10).await()).extracting(Memory::text)
        .containsExactlyInAnyOrder("Alice is allergic to peanuts", "The cat is called Pixel");
  }
}
