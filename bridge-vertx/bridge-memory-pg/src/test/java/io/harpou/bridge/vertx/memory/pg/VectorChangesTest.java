package io.harpou.bridge.vertx.memory.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.vertx.memory.MemoryStorage;
import io.harpou.bridge.vertx.memory.MemoryStorage.Changes;
import io.harpou.bridge.vertx.memory.MemoryStorage.StoredVector;
import io.harpou.bridge.vertx.store.pg.PgStore;
import io.harpou.bridge.vertx.store.pg.PgStoreOptions;
import io.harpou.testkit.pg.PostgresServer;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What one hub learns of the vectors other hubs write: every write exactly once it has committed, including one that
 * began before, and committed after, a write the hub has already taken.
 */
class VectorChangesTest {

  private static final String MODEL = "test-model";
  private static PostgresServer server;
  private final Vertx vertx = Vertx.vertx();

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private static List<String> written(Changes changes) {
    return changes.written().stream().map(StoredVector::id).toList();
  }

  @Test
  void should_take_a_write_that_committed_after_a_later_one_was_taken() throws Exception {
    PgStoreOptions options = new PgStoreOptions().setUrl(server.newDatabase());
    PgStore writers = PgStore.open(vertx, options).await();
    PgStore readers = PgStore.open(vertx, options).await();
    MemoryStorage writer = new PgMemoryStorage(writers);
    MemoryStorage reader = new PgMemoryStorage(readers);
    writer.migrate().await();
    assertThat(reader.vectors(MODEL).await()).isEmpty();

    // A slow hub's transaction writes first and commits last.
    SqlConnection slow = writers.pool().getConnection().await();
    Transaction late = slow.begin().await();
    PgVectors.put(slow, MODEL, List.of(new StoredVector("late", "memory", new float[] {1, 0})))
        .await();
    writer.putVectors(MODEL, List.of(new StoredVector("early", "memory", new float[] {0, 1}))).await();

    assertThat(written(reader.changes(MODEL).await())).isEmpty();

    late.commit().await();
    slow.close().await();

    assertThat(written(reader.changes(MODEL).await())).containsExactlyInAnyOrder("late", "early");
    assertThat(written(reader.changes(MODEL).await())).isEmpty();

    writer.delete(List.of("late")).await();
    writer.putVectors(MODEL, List.of(new StoredVector("late", "memory", new float[] {1, 1}))).await();
    Changes again = reader.changes(MODEL).await();
    assertThat(again.removed()).containsExactly("late");
    assertThat(written(again)).containsExactly("late");
  }
}
