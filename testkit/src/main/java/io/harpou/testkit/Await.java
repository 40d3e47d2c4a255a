package io.harpou.testkit;

import java.time.Duration;

/**
 * Waits, in a test's own thread, for something that happens asynchronously: the condition is polled every
 * {@value #POLL_MILLIS} ms until it holds or the time is up. One helper for every test, so none writes its own sleep
 * loop. Never call it on an event loop.
 */
public final class Await {

  /** How long {@link #until(String, Condition)} waits: ten seconds, far beyond what anything takes here. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  /** How often the condition is polled. */
  public static final long POLL_MILLIS = 10;

  /** A condition polled until it holds; it may throw, which ends the wait. */
  @FunctionalInterface
  public interface Condition {

    /**
     * Tells whether the awaited thing has happened.
     *
     * @return {@code true} once it has
     * @throws Exception when checking fails; the wait ends with an {@link AssertionError} carrying it
     */
    boolean holds() throws Exception;
  }

  /** A probe polled until it finds something. */
  @FunctionalInterface
  public interface Probe<T> {

    /**
     * Looks for the awaited value.
     *
     * @return the value, or {@code null} while there is none yet
     * @throws Exception when looking fails; the wait ends with an {@link AssertionError} carrying it
     */
    T find() throws Exception;
  }

  private Await() {
  }

  /**
   * Waits up to {@link #DEFAULT_TIMEOUT} for {@code condition}.
   *
   * @param what what is awaited, for the failure message
   * @param condition the condition
   * @throws AssertionError naming {@code what} when it never holds, or when checking it throws
   */
  public static void until(String what, Condition condition) {
    until(what, DEFAULT_TIMEOUT, condition);
  }

  /**
   * Waits up to {@code timeout} for {@code condition}.
   *
   * @param what what is awaited, for the failure message
   * @param timeout how long to wait at most
   * @param condition the condition
   * @throws AssertionError naming {@code what} when it never holds within the timeout, or when checking it throws
   */
  public static void until(String what, Duration timeout, Condition condition) {
    value(what, timeout, () -> condition.holds() ? Boolean.TRUE : null);
  }

  /**
   * Waits up to {@code timeout} for {@code condition} and tells whether it held, for a test that asserts on the
   * outcome itself.
   *
   * @param timeout how long to wait at most
   * @param condition the condition
   * @return {@code true} when it held within the timeout
   * @throws AssertionError when checking it throws
   */
  public static boolean within(Duration timeout, Condition condition) {
    return poll("a condition", timeout, () -> condition.holds() ? Boolean.TRUE : null) != null;
  }

  /**
   * Waits up to {@code timeout} for {@code probe} to find a value.
   *
   * @param what what is awaited, for the failure message
   * @param timeout how long to wait at most
   * @param probe the probe
   * @param <T> the value's type
   * @return the first value found
   * @throws AssertionError naming {@code what} when nothing is found within the timeout, or when the probe throws
   */
  public static <T> T value(String what, Duration timeout, Probe<T> probe) {
    T found = poll(what, timeout, probe);
    if (found == null) {
      throw new AssertionError("never happened within " + timeout.toMillis() + " ms: " + what);
    }
    return found;
  }

  private static <T> T poll(String what, Duration timeout, Probe<T> probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      T found;
      try {
        found = probe.find();
      } catch (Exception e) {
        throw new AssertionError("failed while waiting for " + what + ": " + e, e);
      }
      if (found != null || System.nanoTime() - deadline >= 0) {
        return found;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }
}
