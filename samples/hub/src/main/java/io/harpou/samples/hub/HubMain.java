package io.harpou.samples.hub;

import io.vertx.core.json.JsonObject;
import io.vertx.launcher.application.HookContext;
import io.vertx.launcher.application.VertxApplication;
import io.vertx.launcher.application.VertxApplicationHooks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the hub with Vert.x's launcher. Harpou's own flags ({@code --config FILE}, {@code --http-port N}, ... see
 * {@link ConfigKey}) are read here; every other argument goes to the launcher, so {@code -cluster} and the other
 * standard options work as in any Vert.x application.
 */
public final class HubMain {

  private HubMain() {
  }

  /** Runs the hub until it is stopped (SIGTERM or Ctrl-C close it cleanly). */
  public static void main(String[] args) {
    Map<String, String> flags = new LinkedHashMap<>();
    List<String> launcherArgs = new ArrayList<>();
    launcherArgs.add(HubVerticle.class.getName());
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        printHelp();
        return;
      }
      if (arg.equals("--config") && i + 1 < args.length) {
        launcherArgs.add("--conf");
        launcherArgs.add(args[++i]);
      } else if (isHarpouFlag(arg) && i + 1 < args.length) {
        flags.put(arg, args[++i]);
      } else {
        launcherArgs.add(arg);
      }
    }
    VertxApplicationHooks hooks = new VertxApplicationHooks() {
      @Override
      public JsonObject afterConfigParsed(JsonObject config) {
        return HubConfig.resolve(config == null ? new JsonObject() : config, System.getenv(), flags);
      }

      @Override
      public void afterFailureToDeployVerticle(HookContext context, Throwable cause) {
        System.err.print(StartupReport.failure(cause));
      }
    };
    int code = new VertxApplication(launcherArgs.toArray(String[]::new), hooks).launch();
    if (code != 0) {
      System.exit(code);
    }
  }

  private static boolean isHarpouFlag(String arg) {
    return ConfigKey.ALL.stream().anyMatch(k -> arg.equals(k.flag()));
  }

  private static void printHelp() {
    StringBuilder out = new StringBuilder("Usage: harpou hub [--config FILE] [flags] [Vert.x launcher options]\n\n");
    for (ConfigKey key : ConfigKey.ALL) {
      out.append(String.format("  %-22s %-22s %s%n", key.flag() == null ? "" : key.flag() + " VALUE", key.env(),
          key.help()));
    }
    System.out.print(out);
  }
}
