package io.harpou.samples.hub;

import io.harpou.bridge.vertx.Bridge;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/**
 * What the hub prints once it runs (where to reach it and what it is using, real or embedded), or why it could not
 * start.
 */
final class StartupReport {

  private static final int WIDTH = 100;

  private StartupReport() {
  }

  /** Whether the agent section names any model: named models, or one of the single-model sections. */
  private static boolean hasModel(JsonObject agent) {
    return !agent.getJsonObject("models", new JsonObject()).isEmpty()
        || agent.getJsonObject("ollama", new JsonObject()).getString("url") != null
        || agent.getJsonObject("openai", new JsonObject()).getString("url") != null
        || agent.getJsonObject("azure_openai", new JsonObject()).getString("endpoint") != null
        || agent.getJsonObject("provider", new JsonObject()).getString("id") != null;
  }

  static String describe(JsonObject config, Bridge bridge, VirtualHomeAssistant virtualHome) {
    JsonObject http = config.getJsonObject("http", new JsonObject());
    String host = http.getString("host", "127.0.0.1");
    JsonObject agent = config.getJsonObject("agent", new JsonObject());
    JsonObject components = bridge.health().toJson().getJsonObject("components");
    StringBuilder out = new StringBuilder("\nHarpou is running.\n");
    line(out, "API", bridge.httpPort() < 0 ? "off"
        : "http://" + host + ":" + bridge.httpPort() + "/   (health: /health)");
    // The console's link carries its token: shown to the person who started the hub, never logged.
    bridge.consoleUrl().ifPresent(url -> line(out, "Console", url + "   (open it on this machine)"));
    JsonObject wyoming = config.getJsonObject("wyoming", new JsonObject());
    String wyomingHost = wyoming.getString("host", "127.0.0.1");
    boolean local = wyomingHost.startsWith("127.") || "localhost".equalsIgnoreCase(wyomingHost)
        || "::1".equals(wyomingHost);
    line(out, "Wyoming", wyomingHost + ":" + wyoming.getInteger("port", 10700) + (local
        ? "   (HARPOU_WYOMING_HOST=0.0.0.0 lets Home Assistant on another machine in)"
        : "   WARNING: no authentication; locks, alarms and garage doors only from loopback and the addresses in"
            + " agent.policy.channels.wyoming.protected_from"));
    line(out, "Data directory", Path.of(config.getString("data_dir", "./data")).toAbsolutePath().normalize()
        .toString());
    line(out, "Home Assistant", virtualHome != null
        ? "virtual home (" + virtualHome.entityIds().size() + " entities) at " + virtualHome.url()
        : config.getJsonObject("home_assistant").getString("url"));
    line(out, "Understanding", !hasModel(agent)
        ? "local intent matcher only (set HARPOU_OLLAMA_URL for an LLM)"
        : "local intent matcher, then " + components.getJsonObject("agent", new JsonObject()).getString("detail"));
    line(out, "Tools", bridge.tools().tools().size() + " from " + bridge.tools().providers());
    for (String name : components.fieldNames()) {
      JsonObject component = components.getJsonObject(name);
      String detail = component.getString("detail");
      line(out, "  " + name, component.getString("state") + (detail == null ? "" : " - " + detail));
    }
    return out.append("Stop with Ctrl-C.\n").toString();
  }

  /**
   * Why the hub could not start, as the last thing on the terminal: the cause's own words (which name the file or
   * setting at fault and what to do), wrapped for reading, without the stack trace the launcher logs above it.
   */
  static String failure(Throwable cause) {
    StringBuilder out = new StringBuilder("\nHarpou could not start.\n");
    StringBuilder line = new StringBuilder();
    for (String word : String.valueOf(cause.getMessage()).split(" ")) {
      if (line.length() > 0 && line.length() + word.length() > WIDTH) {
        out.append("  ").append(line).append('\n');
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    return out.append("  ").append(line).append('\n').toString();
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append(String.format("  %-18s %s%n", label, value));
  }
}
