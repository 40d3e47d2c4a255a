package io.harpou.tools.system.docker;

import io.vertx.core.json.JsonObject;

/**
 * A container's CPU and memory use from one stats sample, computed as the {@code docker stats} command computes
 * them: the CPU delta over the system delta times the online CPUs, and memory less the page cache.
 */
final class DockerStats {

  private DockerStats() {
  }

  static JsonObject of(String name, JsonObject stats) {
    JsonObject cpu = stats.getJsonObject("cpu_stats", new JsonObject());
    JsonObject previous = stats.getJsonObject("precpu_stats", new JsonObject());
    long cpuDelta = usage(cpu) - usage(previous);
    long systemDelta = cpu.getLong("system_cpu_usage", 0L) - previous.getLong("system_cpu_usage", 0L);
    int online = cpu.getInteger("online_cpus", 0);
    if (online == 0) {
      online = cpu.getJsonObject("cpu_usage", new JsonObject()).getJsonArray("percpu_usage",
          new io.vertx.core.json.JsonArray()).size();
    }
    double cpuPercent = cpuDelta > 0 && systemDelta > 0 ? (double) cpuDelta / systemDelta * online * 100.0 : 0;
    JsonObject memory = stats.getJsonObject("memory_stats", new JsonObject());
    long used = memory.getLong("usage", 0L);
    JsonObject detail = memory.getJsonObject("stats", new JsonObject());
    long cache = detail.containsKey("total_inactive_file") ? detail.getLong("total_inactive_file")
        : detail.getLong("inactive_file", 0L);
    if (cache < used) {
      used -= cache;
    }
    long limit = memory.getLong("limit", 0L);
    return new JsonObject().put("name", name).put("cpu_percent", Math.round(cpuPercent * 100) / 100.0)
        .put("memory_mib", Math.round(used / 1048576.0 * 10) / 10.0)
        .put("memory_limit_mib", Math.round(limit / 1048576.0 * 10) / 10.0)
        .put("memory_percent", limit > 0 ? Math.round(used * 10000.0 / limit) / 100.0 : 0);
  }

  private static long usage(JsonObject cpu) {
    return cpu.getJsonObject("cpu_usage", new JsonObject()).getLong("total_usage", 0L);
  }
}
