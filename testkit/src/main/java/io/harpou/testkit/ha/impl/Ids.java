package io.harpou.testkit.ha.impl;

import io.harpou.bridge.api.Ulid;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/** ULIDs and Home Assistant's two time formats (ISO with microseconds, float epoch seconds). */
final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);
  private static final AtomicLong LAST_MICROS = new AtomicLong();

  private Ids() {
  }

  /** @return a new 26-character ULID */
  static String ulid() {
    return Ulid.next();
  }

  /** @return 32 lower-case hex characters, the shape of Home Assistant registry ids */
  static String hex32() {
    StringBuilder sb = new StringBuilder(32);
    for (int i = 0; i < 32; i++) {
      sb.append(Character.forDigit(RANDOM.nextInt(16), 16));
    }
    return sb.toString();
  }

  /** @return the current time in epoch microseconds, strictly increasing across calls */
  static long nowMicros() {
    Instant now = Instant.now();
    long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    return LAST_MICROS.updateAndGet(last -> Math.max(last + 1, micros));
  }

  /** @return {@code 2016-11-26T01:37:24.265390+00:00} */
  static String iso(long micros) {
    return ISO.format(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
        Math.floorMod(micros, 1_000_000L) * 1_000L));
  }

  /** @return float epoch seconds, as the compressed format and the registries carry */
  static double epoch(long micros) {
    return micros / 1_000_000.0;
  }
}
