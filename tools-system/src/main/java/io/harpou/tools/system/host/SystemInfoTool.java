package io.harpou.tools.system.host;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.system.common.Blocking;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Describes the host: processors, load, memory, uptime, and graphics cards where the kernel lists them. Reads
 * {@code /proc} and {@code /sys} directly; no program is run.
 */
final class SystemInfoTool implements Tool {

  private static final ToolSpec SPEC = ToolSpec.of("system_info",
      "Tells the home server's processor count and load, memory use, uptime and graphics cards.", Risk.READ);

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public Future<ToolResult> call(ToolCall call, ToolContext context) {
    return Blocking.run(context.vertx(), () -> ToolResult.ok(describe()));
  }

  static JsonObject describe() throws IOException {
    JsonObject json = new JsonObject().put("hostname", hostname())
        .put("processors", Runtime.getRuntime().availableProcessors())
        .put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"))
        .put("arch", System.getProperty("os.arch"));
    double[] load = Proc.loadAverages();
    if (load != null) {
      json.put("load", new JsonObject().put("1m", load[0]).put("5m", load[1]).put("15m", load[2]));
    }
    JsonObject memory = Proc.memory();
    if (memory != null) {
      json.put("memory", memory);
    }
    Long uptime = Proc.uptimeSeconds();
    if (uptime != null) {
      json.put("uptime_seconds", uptime);
    }
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      double cpu = os.getCpuLoad();
      if (cpu >= 0) {
        json.put("cpu_percent", Math.round(cpu * 1000) / 10.0);
      }
    }
    return json.put("gpus", gpus());
  }

  private static String hostname() {
    try {
      return Files.readString(Path.of("/etc/hostname")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Graphics devices from {@code /sys/class/drm}: each card's PCI vendor and device ids. */
  private static JsonArray gpus() {
    JsonArray cards = new JsonArray();
    Path drm = Path.of("/sys/class/drm");
    if (!Files.isDirectory(drm)) {
      return cards;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(drm, "card[0-9]")) {
      for (Path card : stream) {
        cards.add(new JsonObject().put("card", card.getFileName().toString())
            .put("vendor", read(card.resolve("device/vendor"))).put("device", read(card.resolve("device/device"))));
      }
    } catch (IOException e) {
      // No readable graphics information: none listed.
    }
    return cards;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      return null;
    }
  }
}
