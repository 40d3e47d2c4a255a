package io.harpou.testkit.mqtt;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real mosquitto broker (Debian's {@code mosquitto}) on 127.0.0.1 and a free port, run in the foreground from a
 * generated configuration and stopped by the PID it started. It may be stopped and started again on the same port,
 * to drop every client at once. Optionally it requires a user name and password, or serves TLS only.
 */
public final class Mosquitto implements AutoCloseable {

  private static final long START_TIMEOUT_MS = 10_000;

  private final Path dir;
  private final int port;
  private final List<String> extra;
  private Process process;

  private Mosquitto(Path dir, int port, List<String> extra) {
    this.dir = dir;
    this.port = port;
    this.extra = extra;
  }

  /** True when the {@code mosquitto} binary is installed. */
  public static boolean installed() {
    return Files.isExecutable(Path.of("/usr/sbin/mosquitto"));
  }

  /** Starts an anonymous broker keeping its files in {@code dir}. */
  public static Mosquitto start(Path dir) throws IOException {
    return start(dir, List.of("allow_anonymous true"));
  }

  /** Starts a broker whose listener takes {@code settings} (mosquitto configuration lines) after its port. */
  public static Mosquitto start(Path dir, List<String> settings) throws IOException {
    Mosquitto broker = new Mosquitto(dir, freePort(), List.copyOf(settings));
    broker.launch();
    return broker;
  }

  /** Starts a broker that accepts only {@code user} with {@code password}. */
  public static Mosquitto withPassword(Path dir, String user, String password) throws IOException {
    Path file = dir.resolve("passwords");
    run(List.of("mosquitto_passwd", "-b", "-c", file.toString(), user, password));
    return start(dir, List.of("allow_anonymous false", "password_file " + file));
  }

  /** The port it listens on. */
  public int port() {
    return port;
  }

  /** {@code mqtt://127.0.0.1:PORT}. */
  public String url() {
    return "mqtt://127.0.0.1:" + port;
  }

  private void launch() throws IOException {
    List<String> config = new ArrayList<>(List.of("listener " + port + " 127.0.0.1", "persistence false",
        "log_dest stdout", "log_type error", "log_type warning",
        // Started as root, mosquitto would switch to its own user, who cannot read the test's private folder.
        "user " + System.getProperty("user.name")));
    config.addAll(extra);
    Path file = dir.resolve("mosquitto.conf");
    Files.write(file, config);
    process = new ProcessBuilder("mosquitto", "-c", file.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("mosquitto exited at start: " + Files.readString(dir.resolve("mosquitto.log")));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        sleep(50);
      }
    }
    stop();
    throw new IOException("mosquitto did not listen on port " + port + " within " + START_TIMEOUT_MS + " ms");
  }

  /** Stops the broker (SIGTERM to its PID, SIGKILL after 5 s): every client is dropped. */
  public void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** Starts the broker again on the same port and configuration (retained messages are gone). */
  public void restart() throws IOException {
    stop();
    launch();
  }

  @Override
  public void close() {
    stop();
  }

  /** Runs a command to its end. */
  public static void run(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String out = new String(p.getInputStream().readAllBytes());
      if (p.waitFor() != 0) {
        throw new IOException(String.join(" ", command) + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
