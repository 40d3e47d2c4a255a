package io.harpou.testkit;

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

/** Runs a script of {@code src/test/js-media} (the ComfyUI and Mopidy clients from npm) and reads its JSON line. */
public final class MediaPeers {

  /** Where the scripts and their pinned packages are. */
  public static final Path JS_DIR = Path.of("src/test/js-media").toAbsolutePath();

  private MediaPeers() {
  }

  /** Runs {@code node script args...} and returns the last line it prints, as JSON. */
  public static JsonObject run(String script, String... args) throws IOException, InterruptedException {
    if (!Files.isDirectory(JS_DIR.resolve("node_modules/ws"))) {
      fail("The JavaScript peers are not installed: run `npm ci --prefix testkit/src/test/js-media` (from the "
          + "repository root) before `mvn test`.");
    }
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(JS_DIR.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output;
    try {
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        fail("node " + script + " did not finish within 60 s");
      }
    } finally {
      process.destroyForcibly();
    }
    String lastLine = output.substring(output.lastIndexOf('\n') + 1);
    assertThat(lastLine).as("node output: " + output).startsWith("{");
    return new JsonObject(lastLine);
  }
}
