package io.harpou.tools.system.host;

import io.harpou.bridge.api.Json;
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
import io.harpou.tools.system.files.FileRoots;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs one allowed program on the host (DANGEROUS: refused unless the policy enables dangerous tools, and then only
 * what {@link CommandPolicy} allows), from an argv, never a shell, in a working directory inside the configured roots,
 * with a timeout, an output cap and a scrubbed environment.
 */
final class ExecuteCommandTool implements Tool {

  static final long DEFAULT_TIMEOUT_MS = 10_000;
  static final int DEFAULT_OUTPUT_BYTES = 64 * 1024;

  private static final ToolSpec SPEC = new ToolSpec("execute_command",
      "Runs one allowed program on the home server, as a list of arguments (no shell: no pipes, no wildcards, no"
          + " redirections), and returns its exit code and output.",
      Schema.object().strings("argv", "the program and its arguments, for example [\"df\", \"-h\"]", true)
          .string("cwd", "working folder inside the allowed folders; the first one when omitted", false).build(),
      Risk.DANGEROUS, false);

  private final CommandPolicy policy;
  private final FileRoots roots;
  private final long timeoutMs;
  private final int outputBytes;

  /** Reads the {@code execute} section: {@code allow}, {@code deny}, {@code roots}, {@code timeout_ms}, ... */
  ExecuteCommandTool(JsonObject section, Path defaultRoot) {
    this.policy = new CommandPolicy(section);
    List<String> configured = Json.strings(section, "roots");
    this.roots = new FileRoots(configured.isEmpty() ? List.of(defaultRoot.toAbsolutePath().normalize())
        : configured.stream().map(p -> Path.of(p).toAbsolutePath().normalize()).toList());
    this.timeoutMs = section.getLong("timeout_ms", DEFAULT_TIMEOUT_MS);
    this.outputBytes = section.getInteger("output_max_bytes", DEFAULT_OUTPUT_BYTES);
  }

  /** True when the configuration allows at least one program. */
  boolean enabled() {
    return !policy.allowsNothing();
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public Future<ToolResult> call(ToolCall call, ToolContext context) {
    List<String> argv = Args.strings(call.arguments(), "argv");
    if (argv.get(0).isBlank() || argv.stream().anyMatch(a -> a.indexOf('\0') >= 0)) {
      throw new ToolArgumentsException("'argv' must start with a program name and hold no NUL character");
    }
    String cwd = Args.text(call.arguments(), "cwd", roots.roots().get(0).toString());
    Path program = CommandRunner.which(argv.get(0));
    String refusal = policy.refusal(argv, program);
    if (refusal != null) {
      return Tool.done(ToolResult.error("Refused: " + refusal));
    }
    if (program == null) {
      return Tool.done(ToolResult.error(argv.get(0) + " is not installed on " + CommandRunner.SAFE_PATH + "."));
    }
    return Blocking.run(context.vertx(), () -> {
      Path directory = roots.existing(cwd);
      // The JVM looks a bare name up on its own PATH, not the child's: run exactly the program that was checked.
      List<String> resolved = new java.util.ArrayList<>(argv);
      resolved.set(0, program.toString());
      CommandRunner.Outcome outcome = CommandRunner.run(resolved, directory, timeoutMs, outputBytes);
      JsonObject json = new JsonObject().put("exit_code", outcome.exitCode()).put("stdout", outcome.stdout())
          .put("stderr", outcome.stderr());
      if (outcome.timedOut()) {
        json.put("timed_out", true).put("message", "killed after " + timeoutMs + " ms");
      }
      return outcome.timedOut() ? new ToolResult(null, json, true) : ToolResult.ok(json);
    });
  }
}
