package io.harpou.tools.system.monitor;

import io.harpou.bridge.api.monitor.Monitor;
import io.harpou.tools.system.docker.DockerConnection;
import io.harpou.tools.system.docker.DockerTools;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The host's monitors from the {@code monitors} section of the system tools: disk and load always (unless
 * {@code enabled: false}), Docker where Docker is, certificates and backups where some are listed.
 */
public final class SystemMonitors {

  private SystemMonitors() {
  }

  /** Builds the monitors from the provider's whole section (it reads {@code monitors} and {@code docker}). */
  public static List<Monitor> create(JsonObject config) {
    JsonObject monitors = config.getJsonObject("monitors", new JsonObject());
    List<Monitor> out = new ArrayList<>();
    if (enabled(monitors, "disk")) {
      out.add(new DiskMonitor(monitors.getJsonObject("disk", new JsonObject())));
    }
    if (enabled(monitors, "load")) {
      out.add(new LoadMonitor(monitors.getJsonObject("load", new JsonObject())));
    }
    JsonObject docker = config.getJsonObject("docker", new JsonObject());
    if (enabled(monitors, "docker") && DockerTools.present(docker)) {
      out.add(new DockerMonitor(new DockerConnection(docker), monitors.getJsonObject("docker", new JsonObject())));
    }
    AgeMonitor certificates = AgeMonitor.certificates(monitors.getJsonObject("certificates", new JsonObject()),
        Clock.systemUTC());
    if (enabled(monitors, "certificates") && certificates.watchesSomething()) {
      out.add(certificates);
    }
    AgeMonitor backups = AgeMonitor.backups(monitors.getJsonObject("backups", new JsonObject()), Clock.systemUTC());
    if (enabled(monitors, "backups") && backups.watchesSomething()) {
      out.add(backups);
    }
    return out;
  }

  private static boolean enabled(JsonObject monitors, String id) {
    return monitors.getJsonObject(id, new JsonObject()).getBoolean("enabled", true);
  }
}
