package io.harpou.bridge.api.monitor;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;

/**
 * Watches one thing about the household's machines (disk space, load, containers, the Home Assistant link) and says
 * what is wrong with it now. A monitor only observes: the runtime calls it on its interval, raises an alert when a
 * problem has lasted {@link #sustain()}, clears it when the problem is gone, and opens the repair.
 */
public interface Monitor {

  /** A short, stable identifier such as {@code disk}, used in alerts and configuration. */
  String id();

  /** How often the runtime checks. */
  Duration interval();

  /** How long a problem must be seen, check after check, before it becomes an alert; zero alerts at once. */
  default Duration sustain() {
    return Duration.ZERO;
  }

  /**
   * Looks once. The Future succeeds with the problems seen now (empty when all is well) and completes on the
   * caller's context; a monitor that cannot look at all reports that as a problem rather than failing. Blocking work
   * (reading files, statfs) runs on a worker, never on the event loop.
   */
  Future<List<Problem>> check(MonitorContext context);
}
