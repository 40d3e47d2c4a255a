package io.harpou.bridge.vertx.ha.impl;

import java.util.concurrent.ThreadLocalRandom;

/** Exponential reconnection delays with jitter: initial, doubled per failed attempt, capped, shortened at random. */
final class Backoff {

  private final long initialMs;
  private final long maxMs;
  private final double jitter;
  private int attempt;

  Backoff(long initialMs, long maxMs, double jitter) {
    this.initialMs = initialMs;
    this.maxMs = Math.max(initialMs, maxMs);
    this.jitter = jitter;
  }

  /** The delay before the next attempt; each call counts one more failed attempt. */
  long next() {
    long base = initialMs << Math.min(attempt, 20);
    attempt++;
    long capped = Math.min(maxMs, base <= 0 ? maxMs : base);
    long shortened = (long) (capped * jitter * ThreadLocalRandom.current().nextDouble());
    return Math.max(1, capped - shortened);
  }

  /** Starts over after a successful connection. */
  void reset() {
    attempt = 0;
  }
}
