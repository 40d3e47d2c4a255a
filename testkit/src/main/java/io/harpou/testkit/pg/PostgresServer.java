package io.harpou.testkit.pg;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests, from the machine's Debian packages: a new cluster is made with {@code initdb} in
 * a temporary directory and served on 127.0.0.1 at a free port, with trust authentication for its one user. As root
 * (which PostgreSQL refuses) the server runs as the {@code postgres} user, or {@code nobody}. {@link #close()} stops it
 * and deletes its files; a JVM that exits without closing it stops it too, from a shutdown hook.
 */
public final class PostgresServer implements AutoCloseable {

  /** The server's one user. */
  public static final String USER = "harpou";

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final long READY_MILLIS = 60_000;

  private final Path bin;
  private final Path dir;
  private final int port;
  private final List<String> asUser;
  private final Process process;
  private final Thread hook;

  private PostgresServer(Path bin, Path dir, int port, List<String> asUser, Process process) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.asUser = asUser;
    this.process = process;
    this.hook = new Thread(this::stop, "postgres-stop-" + port);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Makes a new cluster and starts it; returns once it accepts connections.
   *
   * @throws IOException when PostgreSQL is not installed (the message names the Debian package) or does not start
   */
  public static PostgresServer start() throws IOException {
    Path bin = binaries();
    Path dir = Files.createTempDirectory("harpou-pg-");
    List<String> asUser = unprivileged(dir);
    Path data = dir.resolve("data");
    run(prefixed(asUser, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "-A", "trust",
        "-E", "UTF8", "--no-locale", "--no-sync"), dir.resolve("initdb.log"));
    int port = freePort();
    List<String> command = prefixed(asUser, bin.resolve("postgres").toString(), "-D", data.toString(),
        "-p", String.valueOf(port), "-k", dir.toString(), "-c", "listen_addresses=127.0.0.1",
        "-c", "max_connections=60");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("server.log").toFile()).start();
    PostgresServer server = new PostgresServer(bin, dir, port, asUser, process);
    try {
      server.awaitReady();
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** The port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** The URL of the server's default database, {@code postgresql://harpou@127.0.0.1:PORT/postgres}. */
  public String url() {
    return url("postgres");
  }

  /** Creates a new empty database and returns its URL, so each test starts from nothing. */
  public String newDatabase() throws IOException {
    String name = "harpou_" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid();
    psql("CREATE DATABASE " + name);
    return url(name);
  }

  /** Runs one SQL statement with {@code psql} on the default database and returns what it printed. */
  public String psql(String sql) throws IOException {
    return run(List.of(bin.resolve("psql").toString(), "-X", "-q", "-A", "-t", "-h", "127.0.0.1", "-p",
        String.valueOf(port), "-U", USER, "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c", sql), null);
  }

  /** Stops the server (fast shutdown: sessions are ended) and deletes its files. */
  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already exiting; the hook runs stop(), which is idempotent
    }
  }

  private synchronized void stop() {
    if (process.isAlive()) {
      try {
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (IOException | InterruptedException e) {
        process.destroyForcibly();
      }
    }
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException e) {
        // a leftover temporary directory is harmless
      }
    }
  }

  private void awaitReady() throws IOException {
    long deadline = System.currentTimeMillis() + READY_MILLIS;
    List<String> ready = List.of(bin.resolve("pg_isready").toString(), "-q", "-h", "127.0.0.1", "-p",
        String.valueOf(port), "-U", USER);
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("PostgreSQL stopped at start: " + Files.readString(dir.resolve("server.log")));
      }
      try {
        if (new ProcessBuilder(ready).start().waitFor() == 0) {
          return;
        }
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while PostgreSQL started", e);
      }
    }
    throw new IOException("PostgreSQL did not accept connections within " + READY_MILLIS + " ms");
  }

  private String url(String database) {
    return "postgresql://" + USER + "@127.0.0.1:" + port + "/" + database;
  }

  private static Path binaries() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(root)) {
      try (Stream<Path> versions = Files.list(root)) {
        Path found = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
            .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll(
                "\\D", "0")))).orElse(null);
        if (found != null) {
          return found;
        }
      }
    }
    throw new IOException("PostgreSQL's server is not installed: install the Debian package postgresql"
        + " (./harpou test does)");
  }

  /** As root, hands the directory to an unprivileged user and returns the command prefix that runs as that user. */
  private static List<String> unprivileged(Path dir) throws IOException {
    if (!"root".equals(System.getProperty("user.name"))) {
      return List.of();
    }
    String user = run(List.of("id", "-u", "postgres"), null).isBlank() ? "nobody" : "postgres";
    UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
    PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
    view.setOwner(users.lookupPrincipalByName(user));
    String group = run(List.of("id", "-g", user), null).strip();
    return List.of("setpriv", "--reuid=" + user, "--regid=" + group, "--clear-groups", "--");
  }

  private static List<String> prefixed(List<String> prefix, String... command) {
    List<String> all = new ArrayList<>(prefix);
    all.addAll(List.of(command));
    return all;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Runs a command to its end; fails with its output when it exits non-zero (except for {@code id}). */
  private static String run(List<String> command, Path log) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      int code = p.waitFor();
      if (log != null) {
        Files.writeString(log, output);
      }
      if (code != 0 && !"id".equals(command.get(0))) {
        throw new IOException(String.join(" ", command) + " exited with " + code + ": " + output);
      }
      return code == 0 ? output : "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + command, e);
    }
  }
}
