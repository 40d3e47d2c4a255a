package io.harpou.benchmarks.memory;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A Chroma 1.x server from the npm binding the tests install ({@code bridge-vertx/bridge-memory/src/test/chroma}, or
 * {@code -Dharpou.chroma.dir}), on a free loopback port with a temporary data directory.
 */
final class ChromaProcess implements AutoCloseable {

  private final Process process;
  private final int port;

  private ChromaProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static ChromaProcess start() throws IOException, InterruptedException {
    Path dir = Path.of(System.getProperty("harpou.chroma.dir", "bridge-vertx/bridge-memory/src/test/chroma")).toAbsolutePath();
    if (!Files.isDirectory(dir.resolve("node_modules/chromadb-js-bindings-linux-x64-gnu"))) {
      throw new IllegalStateException("Chroma is not installed: run `npm ci --prefix bridge-vertx/bridge-memory/src/test/chroma` "
          + "from the repository root (or set -Dharpou.chroma.dir)");
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path data = Files.createTempDirectory("chroma-bench");
    Process process = new ProcessBuilder("node", "-e",
        "require('chromadb-js-bindings-linux-x64-gnu').cli(['chroma','run','--path',process.argv[1],"
            + "'--host','127.0.0.1','--port',process.argv[2]])", data.toString(), Integer.toString(port))
        .directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(Files.createTempFile("chroma-bench", ".log").toFile()).start();
    ChromaProcess chroma = new ChromaProcess(process, port);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline) && process.isAlive()) {
      try {
        HttpURLConnection c = (HttpURLConnection) URI.create(chroma.url() + "/api/v2/heartbeat").toURL()
            .openConnection();
        if (c.getResponseCode() == 200) {
          return chroma;
        }
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    chroma.close();
    throw new IllegalStateException("Chroma did not start");
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
