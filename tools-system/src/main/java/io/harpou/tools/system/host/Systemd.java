package io.harpou.tools.system.host;

import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How the systemd tools call {@code systemctl} and {@code journalctl}: programs from the {@code systemd} section
 * (default: found on the safe PATH), unit names checked against systemd's own rules, and every value the model
 * chooses passed as {@code --option=value} or after {@code --}, so none can become an option of its own.
 */
final class Systemd {

  /** systemd's unit name characters; a name never starts with '-'. */
  private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9:_.@\\\\][A-Za-z0-9:_.@\\\\-]{0,255}");
  /** journalctl time specs: dates, times, "-1h", "yesterday", "2 hours ago". */
  private static final Pattern TIME = Pattern.compile("[A-Za-z0-9:+\\- ]{1,40}");
  private static final List<String> PRIORITIES = List.of("emerg", "alert", "crit", "err", "warning", "notice",
      "info", "debug");

  final String systemctl;
  final String journalctl;
  final long timeoutMs;

  Systemd(JsonObject section) {
    this.systemctl = installed(section.getString("systemctl", "systemctl"));
    this.journalctl = installed(section.getString("journalctl", "journalctl"));
    this.timeoutMs = section.getLong("timeout_ms", 15_000L);
  }

  /** The program's absolute path when it is installed (the JVM would look a bare name up on its own PATH). */
  private static String installed(String program) {
    Path path = CommandRunner.which(program);
    return path == null ? program : path.toString();
  }

  /** The unit name, checked; fails with {@link ToolArgumentsException} naming the rule. */
  static String unit(String name) {
    if (!UNIT.matcher(name).matches()) {
      throw new ToolArgumentsException("'unit' must be a systemd unit name such as nginx.service");
    }
    return name;
  }

  /** A journalctl time, checked. */
  static String time(String argument, String value) {
    if (!TIME.matcher(value).matches() || value.contains("--")
        || value.startsWith("-") && !value.matches("-\\d+[a-z]*")) {
      throw new ToolArgumentsException("'" + argument + "' must be a time such as '2026-01-31 08:00', '-1h' or"
          + " 'yesterday'");
    }
    return value;
  }

  /** A syslog priority name, checked. */
  static String priority(String value) {
    if (!PRIORITIES.contains(value)) {
      throw new ToolArgumentsException("'priority' must be one of " + PRIORITIES);
    }
    return value;
  }

  /** {@code systemctl show} for one unit: a stable KEY=VALUE format, not the human status text. */
  List<String> show(String unit) {
    return List.of(systemctl, "show", "--no-pager",
        "--property=Id,Description,LoadState,ActiveState,SubState,MainPID,ActiveEnterTimestamp,NRestarts,Result",
        "--", unit);
  }

  /** {@code systemctl <verb> -- unit}. */
  List<String> control(String verb, String unit) {
    return List.of(systemctl, verb, "--no-block", "--", unit);
  }

  /** {@code journalctl} with the given filters, newest {@code lines} lines. */
  List<String> logs(String unit, String since, String until, String priority, int lines) {
    List<String> argv = new ArrayList<>(List.of(journalctl, "--no-pager", "--output=short-iso", "--lines=" + lines));
    if (unit != null) {
      argv.add("--unit=" + unit);
    }
    if (since != null) {
      argv.add("--since=" + since);
    }
    if (until != null) {
      argv.add("--until=" + until);
    }
    if (priority != null) {
      argv.add("--priority=" + priority);
    }
    return argv;
  }
}
