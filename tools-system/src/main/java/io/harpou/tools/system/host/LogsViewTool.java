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

/** Shows the system journal (one unit, a time range, a minimum priority), newest lines, bounded. */
final class LogsViewTool implements Tool {

  static final int MAX_LINES = 500;
  static final int OUTPUT_BYTES = 64 * 1024;

  private static final ToolSpec SPEC = new ToolSpec("logs_view",
      "Shows recent lines of the home server's system journal, for one service, a time range or a minimum"
          + " priority.",
      Schema.object().string("unit", "only this unit, for example nginx.service", false)
          .string("since", "from this time, for example '-1h', 'today' or '2026-01-31 08:00'", false)
          .string("until", "up to this time", false)
          .string("priority", "minimum priority: emerg, alert, crit, err, warning, notice, info or debug", false)
          .integer("lines", "how many of the newest lines (default 100)", 1, MAX_LINES, false).build(),
      Risk.READ, false);

  private final Systemd systemd;

  LogsViewTool(Systemd systemd) {
    this.systemd = systemd;
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public Future<ToolResult> call(ToolCall call, ToolContext context) {
    JsonObject args = call.arguments();
    String unit = Args.text(args, "unit", null);
    String since = Args.text(args, "since", null);
    String until = Args.text(args, "until", null);
    String priority = Args.text(args, "priority", null);
    int lines = Args.integer(args, "lines", 100, 1, MAX_LINES);
    var argv = systemd.logs(unit == null ? null : Systemd.unit(unit), since == null ? null : Systemd.time("since",
        since), until == null ? null : Systemd.time("until", until), priority == null ? null
        : Systemd.priority(priority), lines);
    return Blocking.run(context.vertx(), () -> {
      CommandRunner.Outcome outcome = CommandRunner.run(argv, Path.of("/"), systemd.timeoutMs, OUTPUT_BYTES);
      if (outcome.exitCode() != 0) {
        return ToolResult.error("journalctl failed (exit " + outcome.exitCode() + "): " + outcome.stderr().strip());
      }
      return ToolResult.ok(new JsonObject().put("lines", outcome.stdout()).put("truncated", outcome.truncated()));
    });
  }
}
