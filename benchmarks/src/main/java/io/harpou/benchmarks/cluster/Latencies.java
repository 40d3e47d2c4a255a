package io.harpou.benchmarks.cluster;

import java.io.IOException;
import java.net.ServerSocket;

/** What the cluster harnesses share: percentiles of sorted nanosecond timings, their report, and a free port. */
final class Latencies {

  private Latencies() {
  }

  /** Prints p50, p99 and max of {@code sorted}, each being one {@code unit} (a request, a turn). */
  static void report(String what, long[] sorted, String unit) {
    System.out.printf("%s: p50 %.3f ms, p99 %.3f ms, max %.3f ms (%d %ss)%n", what, ms(pct(sorted, 50)),
        ms(pct(sorted, 99)), ms(sorted[sorted.length - 1]), sorted.length, unit);
  }

  /** The {@code percentile}th of {@code sorted}, by the nearest rank. */
  static long pct(long[] sorted, int percentile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
  }

  /** Nanoseconds in milliseconds. */
  static double ms(long nanos) {
    return nanos / 1e6;
  }

  /** A port free on this machine now. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
