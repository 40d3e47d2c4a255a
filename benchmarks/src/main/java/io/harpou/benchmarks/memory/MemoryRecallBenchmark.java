package io.harpou.benchmarks.memory;

import io.harpou.bridge.api.memory.MemoryQuery;
import io.harpou.bridge.api.memory.RecalledMemory;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.memory.MemoryOptions;
import io.harpou.bridge.vertx.memory.MemoryService;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Hybrid recall over 10,000 memories, embedding the question each time (all-MiniLM-L6-v2 in process), with vectors in
 * this process ({@code embedded}) or in a local Chroma server ({@code chroma}) on the same seeded data. Sample-time
 * mode reports the percentiles (target: p50 under 20 ms, p99 under 50 ms).
 *
 * <p>Run from the repository root: {@code java -jar benchmarks/target/benchmarks.jar MemoryRecallBenchmark -f 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class MemoryRecallBenchmark {

  @Param({"embedded", "chroma"})
  public String backend;

  @Param({"10000"})
  public int memories;

  private Vertx vertx;
  private Database db;
  private MemoryService store;
  private ChromaProcess chroma;
  private List<String> questions;
  private int next;

  @Setup
  public void setUp() throws Exception {
    vertx = Vertx.vertx();
    Path seed = MemoryCorpus.seeded(vertx, memories);
    Path copy = Files.createTempFile("memory-bench", ".db");
    Files.copy(seed, copy, StandardCopyOption.REPLACE_EXISTING);
    db = Database.open(vertx, copy).await();
    MemoryOptions options = new MemoryOptions();
    if (backend.equals("chroma")) {
      chroma = ChromaProcess.start();
      options.setChromaUrl(chroma.url());
    }
    store = MemoryService.open(vertx, db, options).await();
    questions = MemoryCorpus.questions(1000);
  }

  @Benchmark
  public List<RecalledMemory> recall() {
    String question = questions.get(next++ % questions.size());
    return store.recall(MemoryQuery.of(question, 5)).await();
  }

  @TearDown
  public void tearDown() {
    store.close().await();
    db.close().await();
    if (chroma != null) {
      chroma.close();
    }
    vertx.close().await();
  }
}
