package io.harpou.tools.system.docker;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.system.common.Args;
import io.harpou.tools.system.common.Blocking;
import io.harpou.tools.system.common.Schema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Acts on every container of a configured Compose project through the Engine API, finding them by the
 * {@code com.docker.compose.project} label Compose puts on them: {@code restart}, {@code pull} (each image again),
 * {@code up} (start the project's stopped containers) and {@code down} (stop them). Creating or removing containers
 * from a compose file is Compose's own work and is not done here. PROTECTED and long-running.
 */
final class DockerComposeTool implements Tool {

  private static final List<String> ACTIONS = List.of("up", "down", "restart", "pull");

  private final DockerConnection docker;
  private final List<String> projects;
  private final ToolSpec spec;

  DockerComposeTool(DockerConnection docker, List<String> projects) {
    this.docker = docker;
    this.projects = List.copyOf(projects);
    this.spec = new ToolSpec("docker_compose", "Starts (up), stops (down), restarts or pulls the images of every"
        + " container of a Docker Compose project. The household is asked to confirm first.",
        Schema.object().choice("project", "the Compose project", this.projects, true)
            .choice("action", "what to do", ACTIONS, true).build(), Risk.PROTECTED, true);
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  @Override
  public String confirmation(ToolCall call, String language) {
    String project = call.arguments().getString("project", "?");
    String action = call.arguments().getString("action", "?");
    return language.startsWith("fr") ? "Exécuter « " + action + " » sur le projet Compose " + project
        + " ? Dites oui pour confirmer." : "Run " + action + " on the Compose project " + project
        + "? Say yes to confirm.";
  }

  @Override
  public Future<ToolResult> call(ToolCall call, ToolContext context) {
    String project = Args.text(call.arguments(), "project");
    String action = Args.text(call.arguments(), "action");
    if (!projects.contains(project) || !ACTIONS.contains(action)) {
      throw new ToolArgumentsException("'project' must be one of " + projects + " and 'action' one of " + ACTIONS);
    }
    DockerClient client = docker.client(context.vertx());
    return client.containers(true, project).compose(list -> {
      if (list.isEmpty()) {
        return Future.succeededFuture(ToolResult.error("No container belongs to the Compose project " + project
            + "."));
      }
      List<Future<String>> steps = new ArrayList<>();
      Set<String> images = new LinkedHashSet<>();
      for (Object item : list) {
        JsonObject container = (JsonObject) item;
        String name = DockerReadTools.name(container);
        boolean running = "running".equals(container.getString("State"));
        switch (action) {
          case "restart" -> steps.add(client.act(name, "restart").map(name));
          case "up" -> steps.add(running ? Future.succeededFuture(name) : client.act(name, "start").map(name));
          case "down" -> steps.add(running ? client.act(name, "stop").map(name) : Future.succeededFuture(name));
          default -> images.add(container.getString("Image"));
        }
      }
      images.forEach(image -> steps.add(client.pull(image).map(image)));
      context.progress(0.1, action + " " + project);
      return Future.all(steps).map(all -> {
        JsonArray done = new JsonArray();
        steps.forEach(f -> done.add(f.result()));
        return ToolResult.ok(new JsonObject().put("project", project).put("action", action).put("done", done));
      });
    }).recover(e -> Future.succeededFuture(ToolResult.error(Blocking.message(e))));
  }
}
