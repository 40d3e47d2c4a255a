package io.harpou.bridge.vertx.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The official MCP programs from npm (the TypeScript SDK's client, the inspector's CLI, the conformance suite, the
 * reference servers), installed by {@code npm ci} from {@code src/test/mcp}'s lock file, run by Node.
 */
final class NodePeers {

  static final Path DIR = Path.of("src/test/mcp").toAbsolutePath();

  private NodePeers() {
  }

  /** What a program printed (standard output and error together) and how it exited. */
  record Ran(int exitCode, String output) {

    /** The last line, read as JSON. */
    JsonObject lastJson() {
      String last = output.substring(output.lastIndexOf('\n') + 1);
      assertThat(last).as("output: " + output).startsWith("{");
      return new JsonObject(last);
    }
  }

  /** Runs the TypeScript SDK client with {@code config}; its one JSON line of output. */
  static JsonObject client(JsonObject config) {
    return run(List.of("node", "client.mjs", config.encode()), 60).lastJson();
  }

  /** Runs {@code command} in the peers' folder and waits for it. */
  static Ran run(List<String> command, int timeoutSeconds) {
    return run(command, timeoutSeconds, DIR);
  }

  /** Runs {@code command} in {@code dir} and waits for it. */
  static Ran run(List<String> command, int timeoutSeconds, Path dir) {
    if (!Files.isDirectory(DIR.resolve("node_modules/@modelcontextprotocol/sdk"))) {
      fail("The MCP peers are not installed: run `npm ci --prefix bridge-vertx/bridge/src/test/mcp` (or"
          + " `./harpou test`) first.");
    }
    try {
      Path log = Files.createTempFile("mcp-peer", ".log");
      Process process = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      try {
        boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        String output = Files.readString(log, StandardCharsets.UTF_8).trim();
        if (!finished) {
          fail(command + " did not finish within " + timeoutSeconds + " s: " + output);
        }
        return new Ran(process.exitValue(), output);
      } finally {
        process.destroyForcibly();
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new AssertionError("could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
