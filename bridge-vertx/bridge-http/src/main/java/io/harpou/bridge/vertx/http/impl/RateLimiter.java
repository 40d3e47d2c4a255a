package io.harpou.bridge.vertx.http.impl;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Token buckets, one per name (an API key, a client address): a full minute's allowance at once, refilled
 * continuously. At most {@code maxNames} buckets are kept; {@link #forgetIdle()} drops full ones, and names beyond
 * the cap share one bucket, so a flood of new names cannot grow memory. Used from one event loop.
 */
final class RateLimiter {

  private static final long NANOS_PER_MINUTE = 60_000_000_000L;
  private static final String OVERFLOW = "";

  private final int perMinute;
  private final int maxNames;
  private final LongSupplier clock;
  private final Map<String, Bucket> buckets = new HashMap<>();

  RateLimiter(int perMinute, int maxNames, LongSupplier clock) {
    this.perMinute = perMinute;
    this.maxNames = maxNames;
    this.clock = clock;
  }

  /** Takes one token for {@code name}: 0 when allowed, else the whole seconds to wait before retrying. */
  long acquire(String name) {
    if (perMinute == 0) {
      return 0;
    }
    long now = clock.getAsLong();
    Bucket bucket = buckets.get(name);
    if (bucket == null) {
      if (buckets.size() >= maxNames) {
        forgetIdle();
      }
      String key = buckets.size() < maxNames ? name : OVERFLOW;
      bucket = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, now));
    }
    return bucket.take(now);
  }

  /** Drops the buckets that have refilled completely: their names have been quiet for a while. */
  void forgetIdle() {
    long now = clock.getAsLong();
    buckets.values().removeIf(bucket -> bucket.full(now));
  }

  private final class Bucket {
    private double tokens;
    private long last;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.last = now;
    }

    long take(long now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      double waitNanos = (1 - tokens) / perNano();
      return Math.max(1, (long) Math.ceil(waitNanos / 1_000_000_000d));
    }

    boolean full(long now) {
      refill(now);
      return tokens >= perMinute;
    }

    private void refill(long now) {
      tokens = Math.min(perMinute, tokens + (now - last) * perNano());
      last = now;
    }

    private double perNano() {
      return (double) perMinute / NANOS_PER_MINUTE;
    }
  }
}
