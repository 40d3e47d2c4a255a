package io.harpou.tools.system;

import io.harpou.bridge.api.monitor.Monitor;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolProvider;
import io.harpou.tools.system.docker.DockerTools;
import io.harpou.tools.system.files.FileTools;
import io.harpou.tools.system.git.GitTools;
import io.harpou.tools.system.host.HostTools;
import io.harpou.tools.system.monitor.SystemMonitors;
import io.harpou.tools.system.web.WebTools;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Provides the system tools and monitors, under the id {@code system}. Its section holds one sub-section per family:
 * {@code files}, {@code execute}, {@code systemd}, {@code docker}, {@code git}, {@code web} and {@code monitors}; a
 * family whose section names nothing to act on (no roots, no repositories, no Docker) offers no tools.
 */
public final class SystemToolProvider implements ToolProvider {

  @Override
  public String id() {
    return "system";
  }

  @Override
  public List<Tool> tools(JsonObject config) {
    List<Tool> tools = new ArrayList<>();
    tools.add(new GetTimeTool(Clock.systemDefaultZone()));
    tools.addAll(HostTools.create(config));
    tools.addAll(FileTools.create(config.getJsonObject("files", new JsonObject())));
    tools.addAll(DockerTools.create(config.getJsonObject("docker", new JsonObject())));
    tools.addAll(GitTools.create(config.getJsonObject("git", new JsonObject())));
    tools.addAll(WebTools.create(config.getJsonObject("web", new JsonObject())));
    return tools;
  }

  @Override
  public List<Monitor> monitors(JsonObject config) {
    return SystemMonitors.create(config);
  }
}
