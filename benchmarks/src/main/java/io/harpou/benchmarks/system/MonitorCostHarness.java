package io.harpou.benchmarks.system;

import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;

/**
 * What the monitors cost at rest: the process's CPU time while an idle hub (no Home Assistant, no model, HTTP off)
 * sits for a while with monitors off, with monitors at their default intervals, and with every monitor checking each
 * second (to see the cost of one check above the noise). Prints percent of one core for each, and the cost per
 * check. Usage: {@code MonitorCostHarness <seconds per run>}.
 */
public final class MonitorCostHarness {

  private MonitorCostHarness() {
  }

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 120;
    Vertx vertx = Vertx.vertx();
    double off = run(vertx, seconds, new JsonObject().put("enabled", false), new JsonObject());
    double defaults = run(vertx, seconds, new JsonObject(), new JsonObject());
    JsonObject fast = new JsonObject();
    for (String id : new String[] {"disk", "load"}) {
      fast.put(id, new JsonObject().put("interval_ms", 1000));
    }
    double everySecond = run(vertx, seconds, new JsonObject(), fast.put("load", fast.getJsonObject("load")
        .put("for_minutes", 0)));
    vertx.close().await();
    System.out.printf("monitors off:              %.4f%% of one core%n", off);
    System.out.printf("monitors at defaults:      %.4f%% of one core (difference %+.4f%%)%n", defaults,
        defaults - off);
    System.out.printf("disk and load every 1 s:   %.4f%% of one core (difference %+.4f%%)%n", everySecond,
        everySecond - off);
    System.out.printf("one disk+load check:       %.3f ms of CPU (from the 1 s run)%n",
        (everySecond - off) / 100.0 * 1000.0);
  }

  /** Percent of one core used by the whole process over {@code seconds} with this hub idle. */
  private static double run(Vertx vertx, int seconds, JsonObject monitors, JsonObject systemMonitors)
      throws Exception {
    BridgeOptions options = new BridgeOptions().setDataDir(Files.createTempDirectory("monitor-cost"))
        .setHttpEnabled(false)
        .setSection("memory", new JsonObject().put("enabled", false))
        .setSection("monitors", monitors)
        .setSection("tools", new JsonObject().put("enabled", new JsonArray().add("system"))
            .put("system", new JsonObject().put("monitors", systemMonitors)));
    Bridge hub = Bridge.create(vertx, options).start().await();
    Thread.sleep(5_000);
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuBefore = os.getProcessCpuTime();
    long wallBefore = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    double percent = (os.getProcessCpuTime() - cpuBefore) * 100.0 / (System.nanoTime() - wallBefore);
    hub.close().await();
    return percent;
  }
}
