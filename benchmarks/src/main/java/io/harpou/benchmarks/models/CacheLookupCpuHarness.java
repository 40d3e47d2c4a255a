package io.harpou.benchmarks.models;

import io.harpou.bridge.vertx.models.ResponseCache;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;

/**
 * The semantic lookup of {@link CacheLookupBenchmark} timed both by the wall clock and by the thread's own CPU time,
 * so that on a machine shared with other work the cost of the scan can be told from the time spent waiting for a
 * core: {@code java -cp benchmarks.jar io.harpou.benchmarks.models.CacheLookupCpuHarness [entries] [lookups]}.
 */
public final class CacheLookupCpuHarness {

  private CacheLookupCpuHarness() {
  }

  /** Fills the cache, warms up, then prints the percentiles of both clocks. */
  public static void main(String[] args) {
    int entries = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int lookups = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    Random random = new Random(19);
    ResponseCache cache = new ResponseCache(entries, 86_400_000L, 0.9);
    for (int i = 0; i < entries; i++) {
      cache.put("question " + i, "en", "answer " + i, "strong", vector(random), Set.of(), 0);
    }
    float[][] queries = new float[64][];
    for (int i = 0; i < queries.length; i++) {
      queries[i] = vector(random);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < 2_000; i++) {
      cache.similar(queries[i % queries.length], "en", 1);
    }
    long[] wall = new long[lookups];
    long[] cpu = new long[lookups];
    for (int i = 0; i < lookups; i++) {
      long cpuStart = threads.getCurrentThreadCpuTime();
      long wallStart = System.nanoTime();
      cache.similar(queries[i % queries.length], "en", 1);
      wall[i] = System.nanoTime() - wallStart;
      cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
    }
    print("wall clock", wall);
    print("thread CPU", cpu);
  }

  private static void print(String clock, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf("%s over %d lookups: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", clock,
        sorted.length, at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
  }

  private static double at(long[] sorted, double quantile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }

  private static float[] vector(Random random) {
    float[] v = new float[384];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return v;
  }
}
