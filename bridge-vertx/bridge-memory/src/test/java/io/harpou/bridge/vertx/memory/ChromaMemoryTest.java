package io.harpou.bridge.vertx.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.memory.Memory;
import io.harpou.bridge.api.memory.MemoryQuery;
import io.harpou.bridge.api.memory.Passage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Chroma backend against a real Chroma server started by the test. */
class ChromaMemoryTest extends MemoryTestSupport {

  private static final String COLLECTIONS = "/api/v2/tenants/default_tenant/databases/default_database/collections";

  /** How many vectors Chroma holds in the store's collections (one per kind), asked over Chroma's own API. */
  private int chromaCount(ChromaServer chroma) {
    WebClient client = WebClient.create(vertx);
    try {
      JsonArray collections = client.getAbs(chroma.url() + COLLECTIONS).send().await().bodyAsJsonArray();
      int count = 0;
      for (Object c : collections) {
        JsonObject collection = (JsonObject) c;
        if (collection.getString("name").startsWith("harpou-all-minilm-l6-v2-")) {
          count += Integer.parseInt(client.getAbs(chroma.url() + COLLECTIONS + "/" + collection.getString("id")
              + "/count").send().await().bodyAsString().trim());
        }
      }
      return count;
    } finally {
      client.close();
    }
  }

  @Test
  void should_store_recall_and_forget_with_vectors_in_chroma() throws Exception {
    try (ChromaServer chroma = ChromaServer.start(Files.createDirectories(dir.resolve("chroma")))) {
      MemoryService store = open(new MemoryOptions().setChromaUrl(chroma.url()));
      store.remember(Memory.of("The spare key is under the blue flower pot")).await();
      Memory code = store.remember(Memory.of("The garage door code is 3309")).await();
      store.remember(Memory.of("Alice is allergic to peanuts")).await();

      assertThat(chromaCount(chroma)).isEqualTo(3);
      assertThat(store.recall(MemoryQuery.of("where is the extra house key hidden", 1)).await().get(0).memory()
          .text()).contains("flower pot");
      assertThat(store.recall(MemoryQuery.of("3309", 1)).await().get(0).memory().id()).isEqualTo(code.id());

      store.forget(code.id()).await();
      assertThat(chromaCount(chroma)).isEqualTo(2);
      store.remember(Memory.of("The cat is called Mochi")).await();
      store.remember(Memory.of("The cat is called Pixel")).await();
      assertThat(chromaCount(chroma)).isEqualTo(3);
    }
  }

  @Test
  void should_rebuild_an_empty_chroma_from_the_database_on_restart() throws Exception {
    Path first = Files.createDirectories(dir.resolve("chroma-1"));
    try (ChromaServer chroma = ChromaServer.start(first)) {
      MemoryService store = open(new MemoryOptions().setChromaUrl(chroma.url()));
      store.remember(Memory.of("The boiler was serviced by Hendricks Heating in March")).await();
      store.remember(Memory.of("Grandma visits every second Sunday")).await();
      closeAll();
    }
    try (ChromaServer fresh = ChromaServer.start(Files.createDirectories(dir.resolve("chroma-2")))) {
      MemoryService reopened = open(new MemoryOptions().setChromaUrl(fresh.url()));

      assertThat(chromaCount(fresh)).isEqualTo(2);
      assertThat(reopened.recall(MemoryQuery.of("when does grandmother come over", 1)).await().get(0).memory()
          .text()).isEqualTo("Grandma visits every second Sunday");
    }
  }

  @Test
  void should_search_documents_through_chroma() throws Exception {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    DocumentLibraryTest.writePdf(docs.resolve("manual.pdf"), java.util.List.of(
        java.util.List.of("Welcome to your new oven."),
        java.util.List.of("To clean the oven, run the pyrolysis programme for two hours.")));
    try (ChromaServer chroma = ChromaServer.start(Files.createDirectories(dir.resolve("chroma")))) {
      MemoryService store = open(new MemoryOptions().setChromaUrl(chroma.url()).setDocsDir(docs.toString()));
      store.documents().sync().await();

      Passage best = store.documents().search("how do I clean the oven", 1).await().get(0);

      assertThat(best.citation()).isEqualTo("manual.pdf, page 2");
      assertThat(chromaCount(chroma)).isEqualTo(2);
    }
  }
}
