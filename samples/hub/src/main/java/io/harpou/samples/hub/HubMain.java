package io.harpou.samples.hub;

import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.launcher.application.HookContext;
import io.vertx.launcher.application.VertxApplication;
import io.vertx.launcher.application.VertxApplicationHooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts the hub with Vert.x's launcher. Harpou's own flags ({@code --config FILE}, {@code --http-port N}, ... see
 * {@link ConfigKey}) are read here, with the environment, by {@link HubConfig#load}; every other argument goes to the
 * launcher, so {@code -cluster} and the other standard options work as in any Vert.x application; a clustered hub
 * joins with Harpou's Hazelcast configuration and runs the roles its {@code cluster} section names.
 */
public final class HubMain {

  private HubMain() {
  }

  /** Runs the hub until it is stopped (SIGTERM or Ctrl-C close it cleanly). */
  public static void main(String[] args) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      printHelp();
      return;
    }
    HubArguments arguments = HubArguments.parse(args);
    JsonObject config;
    try {
      config = HubConfig.load(arguments, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("harpou hub: " + e.getMessage());
      System.exit(2);
      return;
    }
    // Reported, not fatal: the hub runs as before, and the line says which key was meant.
    UnknownKeys.find(config).forEach(key -> System.err.println("harpou hub: unknown configuration key " + key
        + "; it is ignored"));
    List<String> launcherArgs = new ArrayList<>();
    launcherArgs.add(HubVerticle.class.getName());
    launcherArgs.addAll(arguments.rest());
    // Hazelcast's configuration alone loads a few hundred classes: a hub that is not clustered never builds it, and
    // runs without the cluster manager's jar.
    boolean clustered = arguments.rest().contains("-cluster") || arguments.rest().contains("--cluster");
    Optional<String> noClusterManager = clustered ? ClusterJar.missing() : Optional.empty();
    if (noClusterManager.isPresent()) {
      System.err.println("harpou hub: " + noClusterManager.get());
      System.exit(2);
      return;
    }
    VertxApplicationHooks hooks = new VertxApplicationHooks() {
      @Override
      public JsonObject afterConfigParsed(JsonObject launcherConfig) {
        return config;
      }

      @Override
      public VertxBuilder createVertxBuilder(VertxOptions options) {
        return clustered ? HubCluster.builder(options, config) : Vertx.builder().with(options);
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

  private static void printHelp() {
    StringBuilder out = new StringBuilder("Usage: harpou hub [--config FILE] [flags] [Vert.x launcher options]\n\n");
    for (ConfigKey key : ConfigKey.ALL) {
      out.append(String.format("  %-22s %-22s %s%n", key.flag() == null ? "" : key.flag() + " VALUE", key.env(),
          key.help()));
    }
    System.out.print(out);
  }
}
