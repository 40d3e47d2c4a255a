package io.harpou.bridge.vertx.monitor.impl;

import io.harpou.bridge.api.monitor.Monitor;
import io.harpou.bridge.api.monitor.MonitorContext;
import io.harpou.bridge.api.monitor.Problem;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each monitor on its interval (never two checks of one monitor at once), and turns what they see into alerts:
 * a problem seen in every check for the monitor's sustain time is raised once, and cleared when a check no longer
 * sees it. A check that fails tells nothing, so it changes nothing. Runs on one Vert.x context.
 */
final class MonitorScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(MonitorScheduler.class);

  private final Vertx vertx;
  private final MonitorContext monitorContext;
  private final Alerts desk;
  private final LongSupplier clock;
  private final List<Long> timers = new ArrayList<>();

  /** Where what the monitors see goes. */
  interface Alerts {
    /** A problem seen for at least its monitor's sustain time (again and again while it lasts). */
    void raise(String monitorId, Problem problem);

    /** A problem no longer seen. */
    void clear(String key);
  }

  MonitorScheduler(Vertx vertx, MonitorContext monitorContext, Alerts desk, LongSupplier clock) {
    this.vertx = vertx;
    this.monitorContext = monitorContext;
    this.desk = desk;
    this.clock = clock;
  }

  /** Starts checking every monitor: first at once, then on its interval. */
  void start(List<Monitor> monitors) {
    for (Monitor monitor : monitors) {
      Watch watch = new Watch(monitor);
      vertx.runOnContext(v -> watch.check());
      timers.add(vertx.setPeriodic(Math.max(1, monitor.interval().toMillis()), t -> watch.check()));
    }
  }

  /** Stops every timer. */
  void stop() {
    timers.forEach(vertx::cancelTimer);
    timers.clear();
  }

  /** One monitor's state: when each problem it sees was first seen, and whether a check is running. */
  private final class Watch {
    private final Monitor monitor;
    private final Map<String, Long> firstSeen = new HashMap<>();
    private boolean checking;

    Watch(Monitor monitor) {
      this.monitor = monitor;
    }

    void check() {
      if (checking) {
        return;
      }
      checking = true;
      Future<List<Problem>> seen;
      try {
        seen = monitor.check(monitorContext);
      } catch (RuntimeException e) {
        seen = Future.failedFuture(e);
      }
      seen.onComplete(ar -> {
        checking = false;
        if (ar.failed()) {
          LOG.warn("Monitor {} could not check: {}", monitor.id(), ar.cause().toString());
          return;
        }
        update(ar.result());
      });
    }

    private void update(List<Problem> problems) {
      long now = clock.getAsLong();
      Map<String, Problem> current = new HashMap<>();
      problems.forEach(p -> current.put(p.key(), p));
      firstSeen.keySet().removeIf(key -> {
        if (!current.containsKey(key)) {
          desk.clear(key);
          return true;
        }
        return false;
      });
      long sustain = monitor.sustain().toMillis();
      current.forEach((key, problem) -> {
        long first = firstSeen.computeIfAbsent(key, k -> now);
        if (now - first >= sustain) {
          desk.raise(monitor.id(), problem);
        }
      });
    }
  }
}
