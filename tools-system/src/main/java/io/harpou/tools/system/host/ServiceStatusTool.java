package io.harpou.tools.system.host;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.system.common.Args;
import io.harpou.tools.system.common.Blocking;
import io.harpou.tools.system.common.Schema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/** Tells a systemd unit's state (loaded, active, sub-state, main PID, restarts) from {@code systemctl show}. */
final class ServiceStatusTool implements Tool {

  private static final ToolSpec SPEC = new ToolSpec("service_status",
      "Tells whether a systemd service on the home server is running, failed or stopped, since when, and how often"
          + " it restarted.",
      Schema.object().string("unit", "the unit, for example nginx.service", true).build(), Risk.READ, false);

  private final Systemd systemd;

  ServiceStatusTool(Systemd systemd) {
    this.systemd = systemd;
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public Future<ToolResult> call(ToolCall call, ToolContext context) {
    String unit = Systemd.unit(Args.text(call.arguments(), "unit"));
    return Blocking.run(context.vertx(), () -> {
      CommandRunner.Outcome outcome = CommandRunner.run(systemd.show(unit), Path.of("/"), systemd.timeoutMs,
          16 * 1024);
      if (outcome.exitCode() != 0) {
        return ToolResult.error("systemctl could not tell (exit " + outcome.exitCode() + "): "
            + outcome.stderr().strip());
      }
      JsonObject json = new JsonObject();
      for (String line : outcome.stdout().split("\n")) {
        int equals = line.indexOf('=');
        if (equals > 0) {
          json.put(line.substring(0, equals), line.substring(equals + 1));
        }
      }
      return ToolResult.ok(json);
    });
  }
}
