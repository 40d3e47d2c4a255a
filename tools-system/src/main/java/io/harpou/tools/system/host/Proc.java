package io.harpou.tools.system.host;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads Linux's {@code /proc}: load averages, memory, uptime. Each returns null where {@code /proc} is absent. */
public final class Proc {

  private Proc() {
  }

  /** The 1, 5 and 15 minute load averages. */
  public static double[] loadAverages() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Total, available and used memory in MiB, and swap use. */
  static JsonObject memory() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/meminfo"));
      long total = kib(lines, "MemTotal:");
      long available = kib(lines, "MemAvailable:");
      long swapTotal = kib(lines, "SwapTotal:");
      long swapFree = kib(lines, "SwapFree:");
      return new JsonObject().put("total_mib", total / 1024).put("available_mib", available / 1024)
          .put("used_percent", total == 0 ? 0 : Math.round((total - available) * 1000.0 / total) / 10.0)
          .put("swap_used_mib", (swapTotal - swapFree) / 1024);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Seconds since boot. */
  static Long uptimeSeconds() {
    try {
      return (long) Double.parseDouble(Files.readString(Path.of("/proc/uptime")).strip().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static long kib(List<String> lines, String key) {
    for (String line : lines) {
      if (line.startsWith(key)) {
        return Long.parseLong(line.substring(key.length()).strip().split("\\s+")[0]);
      }
    }
    return 0;
  }
}
