package io.harpou.bridge.vertx.http.impl;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** Token buckets, one per API key: a full minute's allowance at once, refilled continuously. */
final class RateLimiter {

  private static final long NANOS_PER_MINUTE = 60_000_000_000L;

  private final int perMinute;
  private final LongSupplier clock;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(int perMinute, LongSupplier clock) {
    this.perMinute = perMinute;
    this.clock = clock;
  }

  /** Takes one token for {@code key}: 0 when allowed, else the whole seconds to wait before retrying. */
  long acquire(String key) {
    if (perMinute == 0) {
      return 0;
    }
    return buckets.computeIfAbsent(key, k -> new Bucket(perMinute, clock.getAsLong())).take(clock.getAsLong());
  }

  private final class Bucket {
    private double tokens;
    private long last;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.last = now;
    }

    synchronized long take(long now) {
      double perNano = (double) perMinute / NANOS_PER_MINUTE;
      tokens = Math.min(perMinute, tokens + (now - last) * perNano);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      double waitNanos = (1 - tokens) / perNano;
      return Math.max(1, (long) Math.ceil(waitNanos / 1_000_000_000d));
    }
  }
}
