package io.harpou.tools.system.monitor;

import io.harpou.bridge.api.monitor.Monitor;
import io.harpou.bridge.api.monitor.MonitorContext;
import io.harpou.bridge.api.monitor.Problem;
import io.harpou.tools.system.host.Proc;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;

/**
 * Alerts when the one-minute load average stays above {@code max} (twice the processor count by default) for
 * {@code for_minutes} (10 by default), so a build or a backup that spikes the load for a while stays quiet.
 */
final class LoadMonitor implements Monitor {

  private final double max;
  private final Duration sustain;
  private final Duration interval;

  LoadMonitor(JsonObject section) {
    this.max = section.getDouble("max", 2.0 * Runtime.getRuntime().availableProcessors());
    this.sustain = Duration.ofMinutes(section.getLong("for_minutes", 10L));
    this.interval = Duration.ofMillis(section.getLong("interval_ms", 60_000L));
  }

  @Override
  public String id() {
    return "load";
  }

  @Override
  public Duration interval() {
    return interval;
  }

  @Override
  public Duration sustain() {
    return sustain;
  }

  @Override
  public Future<List<Problem>> check(MonitorContext context) {
    // /proc/loadavg is a kernel counter read from memory: cheap enough for the event loop.
    double[] load = Proc.loadAverages();
    if (load == null || load[0] <= max) {
      return Future.succeededFuture(List.of());
    }
    return Future.succeededFuture(List.of(new Problem("load", Problem.Severity.WARNING,
        "The server's load is " + load[0] + " (limit " + max + ").",
        new JsonObject().put("load_1m", load[0]).put("load_5m", load[1]).put("max", max))));
  }
}
