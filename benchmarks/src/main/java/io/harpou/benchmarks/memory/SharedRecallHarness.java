package io.harpou.benchmarks.memory;

import io.harpou.bridge.api.memory.Memory;
import io.harpou.bridge.api.memory.MemoryQuery;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.memory.Embedder;
import io.harpou.bridge.vertx.memory.MemoryOptions;
import io.harpou.bridge.vertx.memory.MemoryOptions.RecallMode;
import io.harpou.bridge.vertx.memory.MemoryService;
import io.harpou.bridge.vertx.memory.MemoryStorage;
import io.harpou.bridge.vertx.memory.MemoryStorage.Decision;
import io.harpou.bridge.vertx.memory.MemoryStorage.Lookup;
import io.harpou.bridge.vertx.memory.MemoryStorage.StoredVector;
import io.harpou.bridge.vertx.memory.pg.PgMemoryStorage;
import io.harpou.bridge.vertx.store.pg.PgStore;
import io.harpou.bridge.vertx.store.pg.PgStoreOptions;
import io.harpou.testkit.pg.PostgresServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Recall over the seeded 10,000 memories from the embedded database and from PostgreSQL (a server started from the
 * machine's Debian packages, on loopback), one question at a time: words alone (the database's full-text search, no
 * embedding), then hybrid (embedding the question, the vector index, the full-text search and reading the memories
 * back). The PostgreSQL store is filled with the embedded store's rows and vectors. Prints percentiles of wall-clock
 * time, so on a shared machine read them next to {@code uptime}.
 *
 * <p>Run from the repository root: {@code java -cp benchmarks/target/benchmarks.jar
 * io.harpou.benchmarks.memory.SharedRecallHarness [questionsPerPhase]}.
 */
public final class SharedRecallHarness {

  private SharedRecallHarness() {
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    Vertx vertx = Vertx.vertx();
    try (PostgresServer server = PostgresServer.start()) {
      Path copy = Files.createTempFile("memory-shared", ".db");
      Files.copy(MemoryCorpus.seeded(vertx, 10_000), copy, StandardCopyOption.REPLACE_EXISTING);
      Database db = Database.open(vertx, copy).await();
      MemoryStorage embedded = MemoryStorage.embedded(db);
      PgStore store = PgStore.open(vertx, new PgStoreOptions().setUrl(server.newDatabase())).await();
      MemoryStorage shared = new PgMemoryStorage(store);
      long start = System.nanoTime();
      copyRows(vertx, embedded, shared);
      System.out.printf("copied 10,000 memories to PostgreSQL in %.1f s%n", (System.nanoTime() - start) / 1e9);
      List<String> questions = MemoryCorpus.questions(4 * n + 50);
      int offset = 0;
      for (RecallMode mode : List.of(RecallMode.LEXICAL, RecallMode.HYBRID)) {
        MemoryOptions options = new MemoryOptions().setRecallMode(mode);
        Map<String, MemoryStorage> storages = new LinkedHashMap<>();
        storages.put("sqlite", embedded);
        storages.put("postgresql", shared);
        for (Map.Entry<String, MemoryStorage> storage : storages.entrySet()) {
          MemoryService service = MemoryService.open(vertx, storage.getValue(), options).await();
          service.recall(MemoryQuery.of("warm up the model", 5)).await();
          report(mode.name().toLowerCase() + " " + storage.getKey(), time(questions.subList(offset, offset + n),
              q -> service.recall(MemoryQuery.of(q, 5))));
          offset += n;
          service.close().await();
        }
      }
      store.close().await();
      db.close().await();
    } finally {
      vertx.close().await();
    }
  }

  /** Every memory of {@code from}, with its vector, into {@code to}, as they are (no governance: all are distinct). */
  private static void copyRows(Vertx vertx, MemoryStorage from, MemoryStorage to) {
    to.migrate().await();
    Embedder embedder = Embedder.create(vertx, new MemoryOptions());
    String model = embedder.modelId();
    embedder.close().await();
    Map<String, float[]> vectors = new HashMap<>();
    List<StoredVector> stored = from.vectors(model).await();
    if (stored.isEmpty()) {
      throw new IllegalStateException("the seeded database holds no vectors of " + model);
    }
    stored.forEach(v -> vectors.put(v.id(), v.vector()));
    List<Memory> memories = from.list(null, 20_000, Instant.now()).await();
    List<Future<Decision>> writes = new ArrayList<>();
    for (Memory m : memories) {
      writes.add(to.store(m, "explicit", model, vectors.get(m.id()), new Lookup(List.of(), List.of(), List.of()),
          known -> new Decision(null, List.of())));
      if (writes.size() == 64) {
        Future.all(writes).await();
        writes.clear();
      }
    }
    Future.all(writes).await();
  }

  private static <T> double[] time(List<String> questions, Function<String, Future<T>> work) {
    double[] millis = new double[questions.size()];
    for (int i = 0; i < millis.length; i++) {
      long start = System.nanoTime();
      work.apply(questions.get(i)).await();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    return millis;
  }

  private static void report(String what, double[] millis) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    System.out.printf("%-20s n=%d  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  mean %.1f ms%n", what, sorted.length,
        at(sorted, 0.5), at(sorted, 0.9), at(sorted, 0.99), Arrays.stream(sorted).average().orElse(0));
  }

  private static double at(double[] sorted, double quantile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(quantile * sorted.length))];
  }
}
