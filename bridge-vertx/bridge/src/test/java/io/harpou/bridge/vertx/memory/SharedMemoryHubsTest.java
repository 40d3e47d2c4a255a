package io.harpou.bridge.vertx.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.memory.Memory;
import io.harpou.bridge.api.memory.MemoryQuery;
import io.harpou.bridge.api.memory.MemoryStore;
import io.harpou.bridge.api.memory.RecalledMemory;
import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.testkit.pg.PostgresServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two hubs configured with the same {@code database.url}: what one remembers, the other recalls, by meaning too. */
class SharedMemoryHubsTest {

  private final Vertx first = Vertx.vertx();
  private final Vertx second = Vertx.vertx();
  private PostgresServer server;

  @TempDir
  Path firstDir;
  @TempDir
  Path secondDir;

  @AfterEach
  void close() {
    first.close().await();
    second.close().await();
    if (server != null) {
      server.close();
    }
  }

  private static Bridge start(Vertx vertx, Path dataDir, String url) {
    return Bridge.create(vertx, new BridgeOptions().setDataDir(dataDir).setHttpEnabled(false)
        .setMonitorsEnabled(false).setSection("database", new JsonObject().put("url", url))).start().await();
  }

  @Test
  void should_recall_on_one_hub_what_the_other_remembered_and_forget_it_on_both() throws Exception {
    server = PostgresServer.start();
    String url = server.newDatabase();
    Bridge here = start(first, firstDir, url);
    Bridge there = start(second, secondDir, url);
    MemoryStore mine = here.memory().orElseThrow();
    MemoryStore theirs = there.memory().orElseThrow();

    Memory pet = mine.remember(Memory.of("Our cat is called Mochi")).await();

    assertThat(theirs.recall(MemoryQuery.of("what's the name of our pet?", 1)).await())
        .extracting(RecalledMemory::memory).extracting(Memory::id).containsExactly(pet.id());
    assertThat(there.health().toJson().getJsonObject("components").getJsonObject("memory").getString("detail"))
        .contains("PostgreSQL");

    assertThat(theirs.forget(pet.id()).await()).isTrue();
    assertThat(mine.list(null, 10).await()).isEmpty();
    assertThat(mine.recall(MemoryQuery.of("Mochi", 1)).await()).isEmpty();
  }
}
