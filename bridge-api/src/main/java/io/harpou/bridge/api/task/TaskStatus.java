package io.harpou.bridge.api.task;

import java.util.Locale;

/** Where a background task is in its life. */
public enum TaskStatus {
  /** Accepted, waiting to run (or for its time, for a timer). */
  QUEUED,
  /** Running. */
  RUNNING,
  /** Finished with a result. */
  DONE,
  /** Finished with an error. */
  FAILED,
  /** Cancelled by a user. */
  CANCELLED,
  /** Was running when the hub stopped; reported, not rerun. */
  INTERRUPTED;

  /** True once the task can no longer change. */
  public boolean isFinal() {
    return this != QUEUED && this != RUNNING;
  }

  /** The lower-case name used in JSON. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a name in any case. */
  public static TaskStatus fromJson(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
