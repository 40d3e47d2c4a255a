package io.harpou.tools.system.monitor;

import io.harpou.bridge.api.Json;
import io.harpou.bridge.api.monitor.Monitor;
import io.harpou.bridge.api.monitor.MonitorContext;
import io.harpou.bridge.api.monitor.Problem;
import io.harpou.tools.system.host.Mounts;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Alerts when a disk is fuller than {@code threshold_percent} (90 by default): every real mount, or those listed. */
final class DiskMonitor implements Monitor {

  static final double DEFAULT_THRESHOLD = 90;

  private final double threshold;
  private final List<String> mounts;
  private final Duration interval;

  DiskMonitor(JsonObject section) {
    this.threshold = section.getDouble("threshold_percent", DEFAULT_THRESHOLD);
    this.mounts = Json.strings(section, "mounts");
    this.interval = Duration.ofMillis(section.getLong("interval_ms", 60_000L));
  }

  @Override
  public String id() {
    return "disk";
  }

  @Override
  public Duration interval() {
    return interval;
  }

  @Override
  public Future<List<Problem>> check(MonitorContext context) {
    return context.vertx().executeBlocking(() -> {
      List<Mounts.Usage> usages = new ArrayList<>();
      if (mounts.isEmpty()) {
        usages.addAll(Mounts.all());
      } else {
        for (String mount : mounts) {
          Mounts.Usage usage = Mounts.usage(Path.of(mount), null);
          if (usage == null) {
            return List.of(Problem.warning("disk:" + mount, "Disk " + mount + " cannot be read."));
          }
          usages.add(usage);
        }
      }
      List<Problem> problems = new ArrayList<>();
      for (Mounts.Usage usage : usages) {
        if (usage.usedPercent() > threshold) {
          problems.add(new Problem("disk:" + usage.mountPoint(), usage.usedPercent() >= 98
              ? Problem.Severity.CRITICAL : Problem.Severity.WARNING,
              "Disk " + usage.mountPoint() + " is " + Math.round(usage.usedPercent()) + "% full (threshold "
                  + Math.round(threshold) + "%, " + (usage.freeBytes() >> 20) + " MiB free).",
              usage.toJson().put("threshold_percent", threshold)));
        }
      }
      return problems;
    }, false);
  }
}
