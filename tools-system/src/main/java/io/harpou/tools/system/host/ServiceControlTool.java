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
import java.util.List;

/** Starts, stops or restarts a systemd unit (PROTECTED: the household confirms the exact unit and action). */
final class ServiceControlTool implements Tool {

  private static final List<String> ACTIONS = List.of("start", "stop", "restart");
  private static final ToolSpec SPEC = new ToolSpec("service_control",
      "Starts, stops or restarts a systemd service on the home server. The household is asked to confirm first.",
      Schema.object().string("unit", "the unit, for example nginx.service", true)
          .choice("action", "what to do", ACTIONS, true).build(), Risk.PROTECTED, false);

  private final Systemd systemd;

  ServiceControlTool(Systemd systemd) {
    this.systemd = systemd;
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public String confirmation(ToolCall call, String language) {
    String unit = call.arguments().getString("unit", "?");
    String action = call.arguments().getString("action", "?");
    boolean french = language.startsWith("fr");
    String verb = switch (action) {
      case "start" -> french ? "Démarrer" : "Start";
      case "stop" -> french ? "Arrêter" : "Stop";
      default -> french ? "Redémarrer" : "Restart";
    };
    return french ? verb + " le service " + unit + " ? Dites oui pour confirmer."
        : verb + " the service " + unit + "? Say yes to confirm.";
  }

  @Override
  public Future<ToolResult> call(ToolCall call, ToolContext context) {
    String unit = Systemd.unit(Args.text(call.arguments(), "unit"));
    String action = Args.text(call.arguments(), "action");
    if (!ACTIONS.contains(action)) {
      throw new io.harpou.bridge.api.tool.ToolArgumentsException("'action' must be one of " + ACTIONS);
    }
    return Blocking.run(context.vertx(), () -> {
      CommandRunner.Outcome outcome = CommandRunner.run(systemd.control(action, unit), Path.of("/"),
          systemd.timeoutMs, 16 * 1024);
      if (outcome.exitCode() != 0) {
        return ToolResult.error("systemctl " + action + " " + unit + " failed (exit " + outcome.exitCode() + "): "
            + outcome.stderr().strip());
      }
      return ToolResult.ok(new JsonObject().put("unit", unit).put("action", action).put("queued", true));
    });
  }
}
