package io.harpou.testkit.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Docker engine for a test: {@code dockerd} (Debian's {@code docker.io}) started as root on a socket and data
 * folder of its own, without networking or iptables (nothing leaves the machine), with a tiny image made locally from
 * the static {@code busybox} binary (no registry is reachable). {@link #start} explains why it cannot run where it
 * cannot, so a test can skip with that reason. Closing removes the containers and stops the daemon it started.
 */
public final class DockerEngine implements AutoCloseable {

  /** The local image every container of a test runs: busybox and its applets. */
  public static final String IMAGE = "harpou/busybox:test";

  private final Path folder;
  private final Process daemon;

  private DockerEngine(Path folder, Process daemon) {
    this.folder = folder;
    this.daemon = daemon;
  }

  /** Why a real engine cannot run here, or null when it can be tried. */
  public static String unavailable() {
    if (!onPath("dockerd")) {
      return "dockerd is not installed (Debian's docker.io)";
    }
    if (!onPath("docker")) {
      return "the docker command-line client is not installed";
    }
    if (!Files.isExecutable(Path.of("/bin/busybox")) && !Files.isExecutable(Path.of("/usr/bin/busybox"))) {
      return "no static busybox to make a local image from (no registry is reachable)";
    }
    if (!"root".equals(System.getProperty("user.name"))) {
      return "dockerd needs root";
    }
    return null;
  }

  /**
   * Starts a daemon in {@code folder} and imports the test image.
   *
   * @throws IllegalStateException saying why, when the daemon does not come up or cannot run a container
   */
  public static DockerEngine start(Path folder) throws IOException, InterruptedException {
    Path socket = folder.resolve("docker.sock");
    Process daemon = new ProcessBuilder("dockerd", "-H", "unix://" + socket, "--data-root",
        folder.resolve("data").toString(), "--exec-root", folder.resolve("exec").toString(), "--pidfile",
        folder.resolve("docker.pid").toString(), "--iptables=false", "--ip6tables=false", "--bridge=none",
        "--storage-driver=vfs").redirectErrorStream(true).redirectOutput(folder.resolve("dockerd.log").toFile())
        .start();
    DockerEngine engine = new DockerEngine(folder, daemon);
    long deadline = System.currentTimeMillis() + 30_000;
    while (!Files.exists(socket) || engine.docker("version").exit != 0) {
      if (!daemon.isAlive() || System.currentTimeMillis() > deadline) {
        String log = Files.exists(folder.resolve("dockerd.log")) ? Files.readString(folder.resolve("dockerd.log"))
            : "";
        engine.close();
        throw new IllegalStateException("dockerd did not come up: " + log.substring(Math.max(0, log.length()
            - 400)));
      }
      Thread.sleep(200);
    }
    engine.importImage();
    return engine;
  }

  private void importImage() throws IOException, InterruptedException {
    Path rootfs = Files.createDirectories(folder.resolve("rootfs/bin"));
    Path busybox = Files.isExecutable(Path.of("/bin/busybox")) ? Path.of("/bin/busybox") : Path.of("/usr/bin/busybox");
    Files.copy(busybox, rootfs.resolve("busybox"));
    for (String applet : new String[] {"sh", "echo", "sleep", "hostname", "cat", "true", "false"}) {
      Files.createSymbolicLink(rootfs.resolve(applet), Path.of("busybox"));
    }
    Result tar = run(List.of("tar", "-C", folder.resolve("rootfs").toString(), "-cf",
        folder.resolve("rootfs.tar").toString(), "."));
    Result imported = docker("import", folder.resolve("rootfs.tar").toString(), IMAGE);
    if (tar.exit != 0 || imported.exit != 0) {
      throw new IllegalStateException("could not make the test image: " + tar.err + imported.err);
    }
  }

  /** The socket path. */
  public Path socket() {
    return folder.resolve("docker.sock");
  }

  /** Runs the docker client against this daemon; fails when the command does. */
  public String dockerOk(String... args) throws IOException, InterruptedException {
    Result result = docker(args);
    if (result.exit != 0) {
      throw new IllegalStateException("docker " + String.join(" ", args) + " failed: " + result.err);
    }
    return result.out.strip();
  }

  /** What a command printed and its exit code. */
  public record Result(int exit, String out, String err) {
  }

  /** Runs the docker client against this daemon. */
  public Result docker(String... args) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("docker", "-H", "unix://" + socket()));
    argv.addAll(List.of(args));
    return run(argv);
  }

  private Result run(List<String> argv) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(argv);
    builder.environment().put("DOCKER_CONFIG", folder.resolve("client").toString());
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return new Result(-1, "", String.join(" ", argv) + " did not finish");
    }
    return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(),
        StandardCharsets.UTF_8), new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (daemon.isAlive()) {
      Result ids = docker("ps", "-aq");
      if (ids.exit == 0 && !ids.out.isBlank()) {
        List<String> remove = new ArrayList<>(List.of("rm", "-f"));
        remove.addAll(List.of(ids.out.strip().split("\\s+")));
        docker(remove.toArray(String[]::new));
      }
      daemon.destroy();
      if (!daemon.waitFor(20, TimeUnit.SECONDS)) {
        daemon.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
