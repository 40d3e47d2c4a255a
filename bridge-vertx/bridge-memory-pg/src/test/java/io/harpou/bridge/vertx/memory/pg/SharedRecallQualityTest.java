package io.harpou.bridge.vertx.memory.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.memory.LabelledRecallSet;
import io.harpou.bridge.vertx.memory.LabelledRecallSet.Score;
import io.harpou.bridge.vertx.memory.MemoryOptions;
import io.harpou.bridge.vertx.memory.MemoryOptions.RecallMode;
import io.harpou.bridge.vertx.memory.MemoryService;
import io.harpou.bridge.vertx.store.pg.PgStore;
import io.harpou.bridge.vertx.store.pg.PgStoreOptions;
import io.harpou.testkit.pg.PostgresServer;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The labelled recall set on PostgreSQL and on the embedded database: hybrid recall over PostgreSQL full-text ranks
 * within {@link #TOLERANCE} of FTS5's BM25 (two questions of 41), both printed for each mode.
 */
class SharedRecallQualityTest {

  /**
   * How much lower precision may be on PostgreSQL: its snowball stems and its fixed typical row length are not quite
   * FTS5's porter stems and measured average length.
   */
  static final double TOLERANCE = 0.05;

  private static PostgresServer server;
  private static final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() {
    vertx.close().await();
    server.close();
  }

  @Test
  void should_recall_the_labelled_set_on_postgresql_as_well_as_on_the_embedded_database() throws Exception {
    Score embedded = null;
    Score shared = null;
    for (RecallMode mode : RecallMode.values()) {
      MemoryOptions options = new MemoryOptions().setRecallMode(mode);
      Database database = Database.open(vertx, dir.resolve(mode + ".db")).await();
      Score onSqlite = LabelledRecallSet.evaluate(MemoryService.open(vertx, database, options).await(),
          "sqlite " + mode);
      PgStore store = PgStore.open(vertx, new PgStoreOptions().setUrl(server.newDatabase())).await();
      Score onPostgres = LabelledRecallSet.evaluate(MemoryService.open(vertx, new PgMemoryStorage(store), options)
          .await(), "postgresql " + mode);
      System.out.printf("recall %-8s sqlite p@1 = %.2f p@3 = %.2f | postgresql p@1 = %.2f p@3 = %.2f%n",
          mode.name().toLowerCase(), onSqlite.at1(), onSqlite.at3(), onPostgres.at1(), onPostgres.at3());
      if (mode == RecallMode.HYBRID) {
        embedded = onSqlite;
        shared = onPostgres;
      }
    }

    assertThat(shared.at1()).isGreaterThanOrEqualTo(embedded.at1() - TOLERANCE);
    assertThat(shared.at3()).isGreaterThanOrEqualTo(embedded.at3() - TOLERANCE);
  }
}
