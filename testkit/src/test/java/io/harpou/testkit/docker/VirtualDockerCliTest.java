package io.harpou.testkit.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The virtual daemon judged by the real {@code docker} command-line client: each command gives the output a real
 * daemon holding the same containers would give. ({@code docker exec} is left out: the program asks for a 101
 * upgrade on a POST, which Vert.x's HTTP server does not grant.)
 */
class VirtualDockerCliTest {

  private final Vertx vertx = Vertx.vertx();
  private VirtualDocker docker;

  @TempDir
  Path folder;

  @BeforeEach
  void start() {
    assumeTrue(onPath("docker"), "the docker command-line client is not installed, so the virtual daemon's"
        + " fidelity cannot be checked here");
    docker = VirtualDocker.create(vertx, folder.resolve("docker.sock")).start().await();
    docker.add(new VirtualContainer("web", "nginx:1.27").health("healthy").cpuPercent(25).memory(100L << 20,
        2L << 30).log("started worker 1", "GET / 200").logError("warn: slow upstream"));
    docker.add(new VirtualContainer("db", "postgres:16").health("unhealthy").log("ready to accept connections"));
    docker.add(new VirtualContainer("backup", "restic/restic:0.17").state("exited"));
  }

  @AfterEach
  void stop() {
    if (docker != null) {
      docker.close().await();
    }
    vertx.close().await();
  }

  @Test
  void should_list_running_containers_with_their_health_for_docker_ps() throws Exception {
    Result ps = docker("ps", "--format", "{{.Names}}|{{.Image}}|{{.Status}}");

    assertThat(ps.exit).as(ps.err).isZero();
    assertThat(ps.out.lines().toList()).containsExactly("db|postgres:16|Up About a minute (unhealthy)",
        "web|nginx:1.27|Up About a minute (healthy)");
    Result all = docker("ps", "-a", "--format", "{{.Names}} {{.State}}");
    assertThat(all.out.lines().toList()).containsExactly("backup exited", "db running", "web running");
  }

  @Test
  void should_print_the_default_table_of_docker_ps() throws Exception {
    Result ps = docker("ps");

    assertThat(ps.exit).as(ps.err).isZero();
    assertThat(ps.out.lines().findFirst().orElse("")).startsWith("CONTAINER ID").contains("IMAGE", "STATUS", "NAMES");
    assertThat(ps.out).contains(docker.container("web").orElseThrow().id().substring(0, 12), "nginx:1.27", "web");
  }

  @Test
  void should_give_each_stream_its_lines_for_docker_logs() throws Exception {
    Result logs = docker("logs", "web");

    assertThat(logs.exit).as(logs.err).isZero();
    assertThat(logs.out).isEqualTo("started worker 1\nGET / 200\n");
    assertThat(logs.err).isEqualTo("warn: slow upstream\n");
    assertThat(docker("logs", "--tail", "1", "web").out).isEmpty();
    assertThat(docker("logs", "--tail", "2", "web").out).isEqualTo("GET / 200\n");
  }

  @Test
  void should_restart_the_container_for_docker_restart() throws Exception {
    Instant before = docker.container("web").orElseThrow().startedAt();

    Result restart = docker("restart", "web");

    assertThat(restart.exit).as(restart.err).isZero();
    assertThat(restart.out.strip()).isEqualTo("web");
    assertThat(docker.container("web").orElseThrow().restarts()).isEqualTo(1);
    assertThat(docker.container("web").orElseThrow().startedAt()).isAfter(before);
    assertThat(docker("ps", "--format", "{{.Names}} {{.Status}}").out).contains("web Up Less than a second");
  }

  @Test
  void should_refuse_an_unknown_container_as_the_daemon_does() throws Exception {
    Result restart = docker("restart", "nope");

    assertThat(restart.exit).isNotZero();
    assertThat(restart.err).contains("No such container: nope");
  }

  @Test
  void should_compute_cpu_and_memory_for_docker_stats() throws Exception {
    Result stats = docker("stats", "--no-stream", "--format", "{{.Name}} {{.CPUPerc}} {{.MemUsage}}", "web");

    assertThat(stats.exit).as(stats.err).isZero();
    assertThat(stats.out.strip()).isEqualTo("web 25.00% 100MiB / 2GiB");
  }

  private record Result(int exit, String out, String err) {
  }

  private Result docker(String... args) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("docker"));
    argv.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(argv);
    builder.environment().put("DOCKER_HOST", docker.dockerHost());
    builder.environment().put("DOCKER_CONFIG", folder.resolve("config").toString());
    Process process = builder.start();
    // The client waits for nothing else: a command that hangs is a fidelity failure.
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("docker " + String.join(" ", args) + " did not finish; requests: "
          + docker.requests());
    }
    return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(),
        StandardCharsets.UTF_8), new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Path.of(dir, program).toFile().canExecute()) {
        return true;
      }
    }
    return false;
  }
}
