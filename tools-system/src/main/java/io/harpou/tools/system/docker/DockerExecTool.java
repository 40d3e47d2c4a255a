package io.harpou.tools.system.docker;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.system.common.Args;
import io.harpou.tools.system.common.Blocking;
import io.harpou.tools.system.common.Schema;
import io.harpou.tools.system.host.CommandPolicy;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import java.util.List;

/**
 * Runs one allowed program inside a container (DANGEROUS: refused unless the policy enables dangerous tools, and then
 * only what the {@code docker.exec} allow-list names, the always-denied core of {@link CommandPolicy} included), as an
 * argv through the Engine API's exec, with an output cap.
 */
final class DockerExecTool implements Tool {

  static final int OUTPUT_BYTES = 64 * 1024;
  private static final ToolSpec SPEC = new ToolSpec("docker_exec",
      "Runs one allowed program inside a Docker container, as a list of arguments (no shell), and returns its exit"
          + " code and output.",
      Schema.object().string("container", "the container's name", true)
          .strings("argv", "the program and its arguments", true).build(), Risk.DANGEROUS, false);

  private final DockerConnection docker;
  private final CommandPolicy policy;

  DockerExecTool(DockerConnection docker, CommandPolicy policy) {
    this.docker = docker;
    this.policy = policy;
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public Future<ToolResult> call(ToolCall call, ToolContext context) {
    String container = DockerReadTools.container(call.arguments());
    List<String> argv = Args.strings(call.arguments(), "argv");
    // The program inside the container cannot be resolved from here: the name alone is judged.
    String refusal = policy.refusal(argv, null);
    if (refusal != null) {
      return Tool.done(ToolResult.error("Refused: " + refusal));
    }
    return docker.client(context.vertx()).exec(container, new JsonArray(argv), OUTPUT_BYTES)
        .map(ToolResult::ok)
        .recover(e -> Future.succeededFuture(ToolResult.error(Blocking.message(e))));
  }

  /** True when the configuration allows some program. */
  boolean enabled() {
    return !policy.allowsNothing();
  }
}
