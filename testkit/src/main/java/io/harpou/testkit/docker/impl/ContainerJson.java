package io.harpou.testkit.docker.impl;

import io.harpou.testkit.docker.VirtualContainer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;

/** A container as the Engine API shows it: the list summary, the inspect document and a stats sample. */
final class ContainerJson {

  /** Two CPUs' worth of nanoseconds between the two samples of a stats answer (one second of wall time). */
  private static final long SYSTEM_DELTA = 2_000_000_000L;

  private ContainerJson() {
  }

  static JsonObject summary(VirtualContainer c, Instant now) {
    JsonObject labels = new JsonObject();
    c.labels().forEach(labels::put);
    return new JsonObject().put("Id", c.id()).put("Names", new JsonArray().add("/" + c.name()))
        .put("Image", c.image()).put("ImageID", "sha256:" + c.id()).put("Command", "/entrypoint.sh")
        .put("Created", c.created().getEpochSecond()).put("Ports", new JsonArray()).put("Labels", labels)
        .put("State", c.state()).put("Status", status(c, now))
        .put("HostConfig", new JsonObject().put("NetworkMode", "bridge"))
        .put("NetworkSettings", new JsonObject().put("Networks", new JsonObject())).put("Mounts", new JsonArray());
  }

  /** The human status Docker writes: "Up 2 minutes (healthy)", "Exited (0) 3 seconds ago". */
  static String status(VirtualContainer c, Instant now) {
    String since = human(Duration.between(c.startedAt(), now));
    return switch (c.state()) {
      case "running" -> "Up " + since + (c.health() == null ? ""
          : " (" + (c.health().equals("starting") ? "health: starting" : c.health()) + ")");
      case "restarting" -> "Restarting (1) " + since + " ago";
      case "paused" -> "Up " + since + " (Paused)";
      default -> "Exited (0) " + since + " ago";
    };
  }

  /** Docker's humanised duration (go-units HumanDuration). */
  static String human(Duration d) {
    long seconds = d.getSeconds();
    if (seconds < 1) {
      return "Less than a second";
    } else if (seconds == 1) {
      return "1 second";
    } else if (seconds < 60) {
      return seconds + " seconds";
    } else if (seconds / 60 == 1) {
      return "About a minute";
    } else if (seconds < 3600) {
      return seconds / 60 + " minutes";
    } else if (seconds / 3600 == 1) {
      return "About an hour";
    } else if (seconds < 48 * 3600) {
      return seconds / 3600 + " hours";
    }
    return seconds / 86400 + " days";
  }

  static JsonObject inspect(VirtualContainer c) {
    boolean running = "running".equals(c.state());
    JsonObject state = new JsonObject().put("Status", c.state()).put("Running", running)
        .put("Paused", "paused".equals(c.state())).put("Restarting", "restarting".equals(c.state()))
        .put("OOMKilled", false).put("Dead", false).put("Pid", running ? 4242 : 0).put("ExitCode", 0)
        .put("Error", "").put("StartedAt", c.startedAt().toString()).put("FinishedAt", "0001-01-01T00:00:00Z");
    if (c.health() != null) {
      state.put("Health", new JsonObject().put("Status", c.health()).put("FailingStreak", 0)
          .put("Log", new JsonArray()));
    }
    JsonObject labels = new JsonObject();
    c.labels().forEach(labels::put);
    return new JsonObject().put("Id", c.id()).put("Created", c.created().toString()).put("Path", "/entrypoint.sh")
        .put("Args", new JsonArray()).put("State", state).put("Image", "sha256:" + c.id())
        .put("Name", "/" + c.name()).put("RestartCount", 0).put("Driver", "overlay2").put("Platform", "linux")
        .put("Config", new JsonObject().put("Hostname", c.id().substring(0, 12)).put("Tty", false)
            .put("Image", c.image()).put("Labels", labels).put("Env", new JsonArray())
            .put("Cmd", new JsonArray()).put("AttachStdout", true).put("AttachStderr", true))
        .put("HostConfig", new JsonObject().put("NetworkMode", "bridge").put("LogConfig",
            new JsonObject().put("Type", "json-file").put("Config", new JsonObject())))
        .put("NetworkSettings", new JsonObject().put("Networks", new JsonObject())).put("Mounts", new JsonArray());
  }

  /** A stats answer whose two samples, a second apart, give the container's set CPU percent and memory. */
  static JsonObject stats(VirtualContainer c) {
    long used = (long) (c.cpuPercent() / 100.0 * SYSTEM_DELTA / 2);
    long before = 5_000_000_000L;
    long systemBefore = 900_000_000_000L;
    JsonObject cpu = new JsonObject().put("cpu_usage", new JsonObject().put("total_usage", before + used)
        .put("usage_in_kernelmode", 0).put("usage_in_usermode", before + used))
        .put("system_cpu_usage", systemBefore + SYSTEM_DELTA).put("online_cpus", 2)
        .put("throttling_data", new JsonObject().put("periods", 0).put("throttled_periods", 0)
            .put("throttled_time", 0));
    JsonObject pre = new JsonObject().put("cpu_usage", new JsonObject().put("total_usage", before)
        .put("usage_in_kernelmode", 0).put("usage_in_usermode", before)).put("system_cpu_usage", systemBefore)
        .put("online_cpus", 2).put("throttling_data", new JsonObject().put("periods", 0)
            .put("throttled_periods", 0).put("throttled_time", 0));
    long cache = 8L << 20;
    JsonObject memory = new JsonObject().put("usage", c.memoryBytes() + cache).put("limit", c.memoryLimitBytes())
        .put("stats", new JsonObject().put("inactive_file", cache).put("anon", c.memoryBytes()));
    Instant now = Instant.now();
    return new JsonObject().put("name", "/" + c.name()).put("id", c.id()).put("read", now.toString())
        .put("preread", now.minusSeconds(1).toString()).put("cpu_stats", cpu).put("precpu_stats", pre)
        .put("memory_stats", memory).put("pids_stats", new JsonObject().put("current", 3))
        .put("networks", new JsonObject().put("eth0", new JsonObject().put("rx_bytes", 1024).put("tx_bytes", 2048)))
        .put("blkio_stats", new JsonObject().put("io_service_bytes_recursive", new JsonArray()));
  }
}
