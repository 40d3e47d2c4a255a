package io.harpou.tools.system.docker;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.system.common.Blocking;
import io.harpou.tools.system.common.Schema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** Restarts one container (PROTECTED: the household confirms the container by name first). */
final class DockerRestartTool implements Tool {

  private static final ToolSpec SPEC = new ToolSpec("docker_restart",
      "Restarts a Docker container on the home server. The household is asked to confirm first.",
      Schema.object().string("container", "the container's name", true).build(), Risk.PROTECTED, false);

  private final DockerConnection docker;

  DockerRestartTool(DockerConnection docker) {
    this.docker = docker;
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public String confirmation(ToolCall call, String language) {
    String name = call.arguments().getString("container", "?");
    return language.startsWith("fr") ? "Redémarrer le conteneur " + name + " ? Dites oui pour confirmer."
        : "Restart the container " + name + "? Say yes to confirm.";
  }

  @Override
  public Future<ToolResult> call(ToolCall call, ToolContext context) {
    String name = DockerReadTools.container(call.arguments());
    return docker.client(context.vertx()).act(name, "restart")
        .map(v -> ToolResult.ok(new JsonObject().put("container", name).put("restarted", true)))
        .recover(e -> Future.succeededFuture(ToolResult.error(Blocking.message(e))));
  }
}
