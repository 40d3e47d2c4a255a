package io.harpou.testkit.ha.impl;

import io.harpou.testkit.ha.RecordedServiceCall;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The service calls the virtual home executed, for tests to assert on. Only the most recent calls are kept, so a
 * virtual home under load for hours (a benchmark, a demo hub) stays as fast and as small as a fresh one.
 */
final class CallLog {

  static final int KEPT = 10_000;

  private final ArrayDeque<RecordedServiceCall> all = new ArrayDeque<>();
  private final ArrayDeque<RecordedServiceCall> untaken = new ArrayDeque<>();

  synchronized void add(RecordedServiceCall call) {
    keep(all, call);
    keep(untaken, call);
    notifyAll();
  }

  synchronized List<RecordedServiceCall> all() {
    return List.copyOf(all);
  }

  /** The oldest call not taken yet, waiting up to {@code timeout}; null if none came. */
  synchronized RecordedServiceCall take(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (untaken.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return untaken.removeFirst();
  }

  private static void keep(ArrayDeque<RecordedServiceCall> calls, RecordedServiceCall call) {
    if (calls.size() == KEPT) {
      calls.removeFirst();
    }
    calls.addLast(call);
  }
}
