package io.harpou.tools.system.docker;

import io.harpou.bridge.api.Json;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.tools.system.host.CommandPolicy;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Docker tools, offered when {@code docker.socket} is configured or Docker's default socket exists;
 * {@code docker_compose} when {@code compose_projects} names some, {@code docker_exec} when {@code exec.allow} does.
 */
public final class DockerTools {

  private DockerTools() {
  }

  /** True when the docker section or the machine says Docker is here. */
  public static boolean present(JsonObject docker) {
    return docker.containsKey("socket") || Files.exists(Path.of(DockerConnection.DEFAULT_SOCKET));
  }

  /** Builds the tools from the {@code docker} section. */
  public static List<Tool> create(JsonObject docker) {
    if (!present(docker)) {
      return List.of();
    }
    DockerConnection connection = new DockerConnection(docker);
    List<Tool> tools = new ArrayList<>(DockerReadTools.create(connection));
    tools.add(new DockerRestartTool(connection));
    List<String> projects = Json.strings(docker, "compose_projects");
    if (!projects.isEmpty()) {
      tools.add(new DockerComposeTool(connection, projects));
    }
    DockerExecTool exec = new DockerExecTool(connection,
        new CommandPolicy(docker.getJsonObject("exec", new JsonObject())));
    if (exec.enabled()) {
      tools.add(exec);
    }
    return tools;
  }
}
