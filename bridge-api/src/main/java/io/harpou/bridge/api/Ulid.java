package io.harpou.bridge.api;

import java.security.SecureRandom;

/**
 * ULIDs: 26 characters of Crockford base 32, a 48-bit millisecond timestamp then 80 random bits, the form Home
 * Assistant gives its conversation and context ids. They sort by creation time, so rows keyed by them land at the end
 * of an index rather than on a random page of it.
 */
public final class Ulid {

  private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ulid() {
  }

  /** A new ULID for the current time. */
  public static String next() {
    return at(System.currentTimeMillis());
  }

  /** A new ULID for the given time in epoch milliseconds (0 to 2^48 - 1). */
  public static String at(long epochMillis) {
    if (epochMillis < 0 || epochMillis >>> 48 != 0) {
      throw new IllegalArgumentException("a ULID holds epoch milliseconds from 0 to 2^48 - 1, not " + epochMillis);
    }
    char[] out = new char[26];
    long time = epochMillis;
    for (int i = 9; i >= 0; i--) {
      out[i] = CROCKFORD[(int) (time & 31)];
      time >>>= 5;
    }
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    for (int i = 10; i < 26; i++) {
      out[i] = CROCKFORD[random[i - 10] & 31];
    }
    return new String(out);
  }

  /** The epoch milliseconds a ULID was made at. */
  public static long time(String ulid) {
    if (ulid == null || ulid.length() != 26) {
      throw new IllegalArgumentException("not a ULID: " + ulid);
    }
    long time = 0;
    for (int i = 0; i < 10; i++) {
      int digit = indexOf(Character.toUpperCase(ulid.charAt(i)));
      if (digit < 0) {
        throw new IllegalArgumentException("not a ULID: " + ulid);
      }
      time = time << 5 | digit;
    }
    return time;
  }

  private static int indexOf(char c) {
    for (int i = 0; i < CROCKFORD.length; i++) {
      if (CROCKFORD[i] == c) {
        return i;
      }
    }
    return -1;
  }
}
