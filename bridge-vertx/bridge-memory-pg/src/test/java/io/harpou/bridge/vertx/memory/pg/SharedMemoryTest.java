package io.harpou.bridge.vertx.memory.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.memory.Memory;
import io.harpou.bridge.api.memory.MemoryQuery;
import io.harpou.bridge.api.memory.MemoryScope;
import io.harpou.bridge.api.memory.Passage;
import io.harpou.bridge.api.memory.RecalledMemory;
import io.harpou.bridge.vertx.memory.MemoryOptions;
import io.harpou.bridge.vertx.memory.MemoryOptions.RecallMode;
import io.harpou.bridge.vertx.memory.MemoryService;
import io.harpou.bridge.vertx.store.pg.PgStore;
import io.harpou.bridge.vertx.store.pg.PgStoreOptions;
import io.harpou.testkit.pg.PostgresServer;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two hubs, each with its own Vert.x, pool and vector index, sharing one real PostgreSQL database: what one remembers,
 * forgets or indexes, the other finds or stops finding, by words and by meaning.
 */
class SharedMemoryTest {

  private static PostgresServer server;
  private final Vertx first = Vertx.vertx();
  private final Vertx second = Vertx.vertx();
  private PgStoreOptions database;

  @TempDir
  Path dir;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void newDatabase() throws Exception {
    database = new PgStoreOptions().setUrl(server.newDatabase());
  }

  @AfterEach
  void closeHubs() {
    first.close().await();
    second.close().await();
  }

  private MemoryService open(Vertx hub, MemoryOptions options) {
    return PgStore.open(hub, database)
        .compose(store -> MemoryService.open(hub, new PgMemoryStorage(store), options)).await();
  }

  private static List<String> texts(List<RecalledMemory> recalled) {
    return recalled.stream().map(r -> r.memory().text()).toList();
  }

  @Test
  void should_find_on_one_hub_by_words_and_by_meaning_what_another_remembered_after_both_started() {
    MemoryService here = open(first, new MemoryOptions());
    MemoryService byWords = open(second, new MemoryOptions().setRecallMode(RecallMode.LEXICAL));
    MemoryService byMeaning = open(second, new MemoryOptions().setRecallMode(RecallMode.SEMANTIC));

    for (String fact : List.of("The wifi password is Kestrel-7741", "Our cat is called Mochi",
        "The bins are collected on Tuesday mornings", "Alice is allergic to peanuts")) {
      here.remember(Memory.of(fact)).await();
    }

    assertThat(texts(byWords.recall(MemoryQuery.of("Kestrel-7741", 3)).await()))
        .first().isEqualTo("The wifi password is Kestrel-7741");
    assertThat(texts(byWords.recall(MemoryQuery.of("Mochi", 3)).await())).containsExactly("Our cat is called Mochi");
    assertThat(texts(byMeaning.recall(MemoryQuery.of("what food is dangerous for Alice?", 3)).await()))
        .first().isEqualTo("Alice is allergic to peanuts");
    assertThat(texts(byMeaning.recall(MemoryQuery.of("which day do the rubbish trucks come?", 3)).await()))
        .first().isEqualTo("The bins are collected on Tuesday mornings");
  }

  @Test
  void should_no_longer_recall_on_any_hub_what_one_hub_forgot() {
    MemoryService here = open(first, new MemoryOptions());
    MemoryService there = open(second, new MemoryOptions());
    Memory code = here.remember(Memory.of("The garage door code is 3309")).await();
    here.remember(Memory.of("The alarm code is 5521")).await();
    assertThat(texts(there.recall(MemoryQuery.of("what opens the garage?", 3)).await()))
        .contains(code.text());

    assertThat(there.forgetMatching("the garage door code", null, null).await()).extracting(Memory::id)
        .containsExactly(code.id());

    assertThat(texts(here.recall(MemoryQuery.of("what opens the garage?", 3)).await()))
        .doesNotContain(code.text());
    assertThat(texts(here.recall(MemoryQuery.of("which code is for the alarm?", 3)).await()))
        .containsExactly("The alarm code is 5521");
    assertThat(texts(here.recall(MemoryQuery.of("3309", 3)).await())).doesNotContain(code.text());
    assertThat(here.list(null, 10).await()).extracting(Memory::text).containsExactly("The alarm code is 5521");
  }

  @Test
  void should_let_a_name_given_on_one_hub_replace_the_name_another_hub_stored() {
    MemoryService here = open(first, new MemoryOptions());
    MemoryService there = open(second, new MemoryOptions());
    here.remember(Memory.of("Our cat is called Mochi")).await();

    there.remember(Memory.of("Our cat is called Pixel")).await();
    Memory again = here.remember(Memory.of("our cat is called pixel")).await();

    assertThat(here.list(null, 10).await()).extracting(Memory::text).containsExactly("Our cat is called Pixel");
    assertThat(again.text()).isEqualTo("Our cat is called Pixel");
  }

  @Test
  void should_sweep_on_one_hub_what_expired_when_another_stored_it() throws Exception {
    MemoryService here = open(first, new MemoryOptions());
    MemoryService there = open(second, new MemoryOptions());
    here.remember(new Memory(null, "The plumber comes today", MemoryScope.HOUSEHOLD, null, null, null, null,
        Instant.now().plusMillis(200))).await();
    here.remember(Memory.of("The fuse box is in the cellar")).await();
    Thread.sleep(300);

    assertThat(there.sweepExpired().await()).isEqualTo(1);

    assertThat(here.list(null, 10).await()).extracting(Memory::text).containsExactly("The fuse box is in the cellar");
  }

  @Test
  void should_search_on_one_hub_the_documents_another_indexed_and_drop_those_it_removed() throws Exception {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    Files.writeString(docs.resolve("notes.txt"), "The attic ladder is stored in the garage, hanging on the left wall.");
    Files.writeString(docs.resolve("router.md"), "To restart the router, hold the WPS button for ten seconds.");
    MemoryService here = open(first, new MemoryOptions().setDocsDir(docs.toString()));
    MemoryService there = open(second, new MemoryOptions());

    assertThat(here.documents().sync().await().getInteger("indexed")).isEqualTo(2);

    List<Passage> found = there.documents().search("where do we keep the ladder for the loft?", 2).await();
    assertThat(found).first().extracting(Passage::file).isEqualTo("notes.txt");
    assertThat(there.documents().search("WPS", 2).await()).first().extracting(Passage::file).isEqualTo("router.md");
    // No word in common: found by meaning, through the vectors the other hub wrote.
    assertThat(there.documents().search("how do I reboot the internet box?", 2).await()).first()
        .extracting(Passage::file).isEqualTo("router.md");
    assertThat(there.indexedDocuments().await()).extracting(f -> f.getString("file"))
        .containsExactly("notes.txt", "router.md");

    Files.delete(docs.resolve("notes.txt"));
    assertThat(here.documents().sync().await().getInteger("removed")).isEqualTo(1);

    assertThat(there.documents().search("where do we keep the ladder for the loft?", 2).await())
        .extracting(Passage::file).doesNotContain("notes.txt");
  }

  @Test
  void should_read_query_syntax_and_quotes_in_a_recall_as_plain_words() {
    MemoryService here = open(first, new MemoryOptions().setRecallMode(RecallMode.LEXICAL));
    here.remember(Memory.of("The spare key is under the blue flower pot")).await();

    for (String attack : List.of("key'); DROP TABLE memories; --", "key & !pot | (blue <-> flower):*",
        "\\' key \" OR 1=1", "key $1 $2 ::tsquery")) {
      assertThat(texts(here.recall(MemoryQuery.of(attack, 3)).await()))
          .containsExactly("The spare key is under the blue flower pot");
    }
    StringBuilder flood = new StringBuilder("key");
    for (int i = 0; i < 70_000; i++) {
      flood.append(" w").append(i);
    }
    assertThat(texts(here.recall(MemoryQuery.of(flood.toString(), 3)).await()))
        .containsExactly("The spare key is under the blue flower pot");
    assertThat(here.list(null, 10).await()).hasSize(1);
  }
}
