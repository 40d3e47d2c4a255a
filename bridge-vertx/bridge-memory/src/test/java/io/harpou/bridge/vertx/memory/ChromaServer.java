package io.harpou.bridge.vertx.memory;

import io.harpou.testkit.Await;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real Chroma 1.x server (the npm native binding pinned in {@code src/test/chroma}) on a free loopback port with a
 * temporary data directory, stopped by the process it started.
 */
final class ChromaServer implements AutoCloseable {

  static final Path PACKAGE_DIR = Path.of("src/test/chroma").toAbsolutePath();

  private final Process process;
  private final int port;

  private ChromaServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static ChromaServer start(Path dataDir) throws IOException, InterruptedException {
    if (!Files.isDirectory(PACKAGE_DIR.resolve("node_modules/chromadb-js-bindings-linux-x64-gnu"))) {
      throw new IllegalStateException("Chroma is not installed for the tests: run "
          + "`npm ci --prefix bridge-vertx/bridge-memory/src/test/chroma` from the repository root");
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = Files.createTempFile("chroma", ".log");
    Process process = new ProcessBuilder("node", "-e",
        "require('chromadb-js-bindings-linux-x64-gnu').cli(['chroma','run','--path',process.argv[1],"
            + "'--host','127.0.0.1','--port',process.argv[2]])", dataDir.toString(), Integer.toString(port))
        .directory(PACKAGE_DIR.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    ChromaServer server = new ChromaServer(process, port);
    boolean up = Await.within(Duration.ofSeconds(30), () -> {
      if (!process.isAlive()) {
        throw new IllegalStateException("Chroma exited: " + Files.readString(log));
      }
      return server.heartbeat();
    });
    if (!up) {
      server.close();
      throw new IllegalStateException("Chroma did not answer /api/v2/heartbeat within 30 s");
    }
    return server;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  private boolean heartbeat() {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/api/v2/heartbeat").toURL().openConnection();
      c.setConnectTimeout(500);
      c.setReadTimeout(500);
      return c.getResponseCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
