package io.harpou.benchmarks.memory;

import io.harpou.bridge.api.memory.MemoryQuery;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.memory.Embedder;
import io.harpou.bridge.vertx.memory.MemoryOptions;
import io.harpou.bridge.vertx.memory.MemoryOptions.RecallMode;
import io.harpou.bridge.vertx.memory.MemoryService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Splits one recall over the seeded 10,000 memories into its parts: embedding a question (all-MiniLM-L6-v2 in
 * process, each question new), the full-text half alone, the vector half alone (including the embedding), and the
 * whole hybrid recall; and embedding throughput one text at a time against batches of 32. Prints percentiles of
 * wall-clock time, so on a shared machine read them next to {@code uptime}.
 *
 * <p>Run from the repository root: {@code java -cp benchmarks/target/benchmarks.jar
 * io.harpou.benchmarks.memory.RecallProfileHarness [questionsPerPhase]}.
 */
public final class RecallProfileHarness {

  private RecallProfileHarness() {
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Vertx vertx = Vertx.vertx();
    try {
      Path copy = Files.createTempFile("memory-profile", ".db");
      Files.copy(MemoryCorpus.seeded(vertx, 10_000), copy, StandardCopyOption.REPLACE_EXISTING);
      Database db = Database.open(vertx, copy).await();
      List<String> questions = MemoryCorpus.questions(4 * n + 50);
      Embedder embedder = Embedder.create(vertx, new MemoryOptions());
      embedder.embed("warm up the model").await();
      int offset = 0;
      report("embed one question", time(questions.subList(offset, offset += n), q -> embedder.embed(q)));
      for (RecallMode mode : RecallMode.values()) {
        MemoryService store = MemoryService.open(vertx, db, new MemoryOptions().setRecallMode(mode), embedder)
            .await();
        store.recall(MemoryQuery.of("warm up", 5)).await();
        report("recall " + mode.name().toLowerCase(), time(questions.subList(offset, offset += n),
            q -> store.recall(MemoryQuery.of(q, 5))));
      }
      List<String> facts = MemoryCorpus.facts(256);
      long single = System.nanoTime();
      for (String fact : facts) {
        embedder.embed(fact).await();
      }
      double singleSeconds = (System.nanoTime() - single) / 1e9;
      long batched = System.nanoTime();
      for (int from = 0; from < facts.size(); from += 32) {
        embedder.embedAll(facts.subList(from, from + 32)).await();
      }
      double batchedSeconds = (System.nanoTime() - batched) / 1e9;
      System.out.printf("embedding throughput: one at a time %.0f texts/s, batches of 32 %.0f texts/s%n",
          facts.size() / singleSeconds, facts.size() / batchedSeconds);
      embedder.close().await();
      db.close().await();
    } finally {
      vertx.close().await();
    }
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
    System.out.printf("%-22s n=%d  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  min %.1f ms  mean %.1f ms%n", what,
        sorted.length, at(sorted, 0.5), at(sorted, 0.9), at(sorted, 0.99), sorted[0],
        Arrays.stream(sorted).average().orElse(0));
  }

  private static double at(double[] sorted, double quantile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(quantile * sorted.length))];
  }
}
