package io.harpou.tools.system.host;

import io.harpou.tools.system.common.CappedOutput;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one program from an argv, never through a shell: no expansion, no pipes, no redirections. The child gets a
 * scrubbed environment (a fixed PATH and locale, nothing inherited, so no token or key of the hub's leaks), no
 * standard input, a working directory, a deadline after which it and its descendants are killed, and its output is
 * kept up to a cap while the rest is drained and counted. Blocks: call it on a worker.
 */
public final class CommandRunner {

  /** The PATH children see. */
  public static final String SAFE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  /** What a run produced. */
  public record Outcome(int exitCode, boolean timedOut, String stdout, String stderr, boolean truncated) {
  }

  private CommandRunner() {
  }

  /**
   * Runs {@code argv} in {@code directory}.
   *
   * @throws IOException when the program cannot be started
   */
  public static Outcome run(List<String> argv, Path directory, long timeoutMs, int outputCap) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    Map<String, String> environment = builder.environment();
    environment.clear();
    environment.put("PATH", SAFE_PATH);
    environment.put("LANG", "C.UTF-8");
    environment.put("LC_ALL", "C.UTF-8");
    environment.put("SYSTEMD_PAGER", "");
    environment.put("SYSTEMD_COLORS", "0");
    Process process = builder.start();
    CappedOutput out = new CappedOutput(outputCap);
    CappedOutput err = new CappedOutput(Math.max(1024, outputCap / 4));
    Thread outPump = pump(process.getInputStream(), out);
    Thread errPump = pump(process.getErrorStream(), err);
    boolean finished;
    try {
      finished = process.waitFor(timeoutMs, TimeUnit.MILLISECONDS);
      if (!finished) {
        kill(process);
      }
      outPump.join(2_000);
      errPump.join(2_000);
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + argv.get(0), e);
    }
    return new Outcome(finished ? process.exitValue() : -1, !finished, out.text(), err.text(),
        out.truncated() || err.truncated());
  }

  /** The absolute path of {@code program} on {@link #SAFE_PATH}, or null when it is not installed. */
  public static Path which(String program) {
    if (program.contains("/")) {
      Path path = Path.of(program);
      return path.toFile().canExecute() ? path : null;
    }
    for (String folder : SAFE_PATH.split(":")) {
      Path candidate = Path.of(folder, program);
      if (candidate.toFile().isFile() && candidate.toFile().canExecute()) {
        return candidate;
      }
    }
    return null;
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static Thread pump(InputStream in, OutputStream sink) {
    Thread thread = new Thread(() -> {
      try (in) {
        in.transferTo(sink);
      } catch (IOException e) {
        // The process died or was killed: what was read is kept.
      }
    }, "harpou-command-output");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
