package io.harpou.tools.system.host;

import io.harpou.bridge.api.tool.Tool;
import io.harpou.tools.system.files.FileRoots;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The host tools; {@code execute_command} only when the {@code execute} section allows some program. */
public final class HostTools {

  private HostTools() {
  }

  /**
   * Builds the tools from the provider's section: {@code files} (roots the size walk may enter), {@code systemd}
   * and {@code execute}.
   */
  public static List<Tool> create(JsonObject config) {
    FileRoots roots = new FileRoots(config.getJsonObject("files", new JsonObject()));
    Systemd systemd = new Systemd(config.getJsonObject("systemd", new JsonObject()));
    List<Tool> tools = new ArrayList<>(List.of(new SystemInfoTool(), new DiskUsageTool(roots),
        new ProcessListTool(), new ServiceStatusTool(systemd), new ServiceControlTool(systemd),
        new LogsViewTool(systemd)));
    JsonObject execute = config.getJsonObject("execute", new JsonObject());
    ExecuteCommandTool command = new ExecuteCommandTool(execute,
        roots.isEmpty() ? Path.of(System.getProperty("java.io.tmpdir")) : roots.roots().get(0));
    if (command.enabled()) {
      tools.add(command);
    }
    return tools;
  }
}
