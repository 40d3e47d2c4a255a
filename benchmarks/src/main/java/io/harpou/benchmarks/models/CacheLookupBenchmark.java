package io.harpou.benchmarks.models;

import io.harpou.bridge.vertx.models.ResponseCache;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A semantic lookup in a full response cache: 10,000 answers with 384-dimension embeddings (all-MiniLM-L6-v2's size),
 * a query vector compared with every one. Random vectors: the scan's cost does not depend on what they mean.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CacheLookupBenchmark {

  private static final int DIMENSION = 384;

  @Param({"10000"})
  public int entries;

  private ResponseCache cache;
  private float[][] queries;
  private int next;

  @Setup
  public void setup() {
    Random random = new Random(19);
    cache = new ResponseCache(entries, 86_400_000L, 0.9);
    for (int i = 0; i < entries; i++) {
      cache.put("question " + i, "en", "answer " + i, "strong", vector(random), Set.of(), 0);
    }
    queries = new float[64][];
    for (int i = 0; i < queries.length; i++) {
      queries[i] = vector(random);
    }
  }

  private static float[] vector(Random random) {
    float[] v = new float[DIMENSION];
    for (int i = 0; i < DIMENSION; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return v;
  }

  @Benchmark
  public Optional<ResponseCache.Hit> similar() {
    float[] query = queries[next];
    next = (next + 1) % queries.length;
    return cache.similar(query, "en", 1);
  }
}
