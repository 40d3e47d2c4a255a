package io.harpou.tools.system.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpou.bridge.api.monitor.Monitor;
import io.harpou.bridge.api.monitor.MonitorContext;
import io.harpou.bridge.api.monitor.Problem;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.testkit.docker.DockerEngine;
import io.harpou.tools.system.SystemToolProvider;
import io.harpou.tools.system.ToolTestSupport;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker tools and monitor against a real Docker engine (dockerd as root, no network, a local busybox image),
 * where one can run; the virtual daemon covers the rest everywhere.
 */
class RealDockerToolsTest {

  private static final Vertx VERTX = Vertx.vertx();
  private static DockerEngine engine;
  private static ToolTestSupport tools;

  @TempDir
  static Path folder;

  @BeforeAll
  static void start() throws Exception {
    String unavailable = DockerEngine.unavailable();
    assumeTrue(unavailable == null, "no real Docker engine here: " + unavailable);
    engine = DockerEngine.start(folder);
    engine.dockerOk("run", "-d", "--name", "web", "--network", "none", "--label",
        "com.docker.compose.project=cloud", DockerEngine.IMAGE, "sh", "-c",
        "echo started; echo oops >&2; sleep 300");
    engine.dockerOk("run", "-d", "--name", "sick", "--network", "none", "--health-cmd", "false",
        "--health-interval", "1s", "--health-retries", "1", DockerEngine.IMAGE, "sleep", "300");
    tools = new ToolTestSupport(VERTX, new JsonObject().put("docker", new JsonObject()
        .put("socket", engine.socket().toString()).put("compose_projects", new JsonArray().add("cloud"))
        .put("exec", new JsonObject().put("allow", new JsonArray().add("echo")))));
  }

  @AfterAll
  static void stop() throws Exception {
    if (engine != null) {
      engine.close();
    }
    VERTX.close().await();
  }

  @Test
  void should_list_real_containers_and_see_one_turn_unhealthy() throws Exception {
    JsonArray containers = tools.call("docker_status", new JsonObject()).json().getJsonArray("containers");
    assertThat(containers).extracting(c -> ((JsonObject) c).getString("name")).contains("web", "sick");

    Monitor monitor = new SystemToolProvider().monitors(new JsonObject().put("docker", new JsonObject()
        .put("socket", engine.socket().toString()))).stream().filter(m -> m.id().equals("docker")).findFirst()
        .orElseThrow();
    long deadline = System.currentTimeMillis() + 20_000;
    List<Problem> problems = List.of();
    while (problems.isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(500);
      problems = monitor.check(new MonitorContext(VERTX, folder)).await();
    }
    assertThat(problems).extracting(Problem::key).containsExactly("docker:sick");
  }

  @Test
  void should_read_a_real_containers_two_streams() {
    String lines = tools.call("docker_logs", new JsonObject().put("container", "web")).json().getString("lines");

    // Restarts by other tests of this class may have repeated the lines; each stream's line is there, unframed.
    assertThat(lines.lines().toList()).contains("started", "oops");
    assertThat(lines).doesNotContain("\u0001", "\u0002", "\u0000");
  }

  @Test
  void should_restart_a_real_container_and_its_compose_project() throws Exception {
    Instant before = Instant.parse(engine.dockerOk("inspect", "-f", "{{.State.StartedAt}}", "web"));

    ToolResult restarted = tools.call("docker_restart", new JsonObject().put("container", "web"));
    ToolResult project = tools.call("docker_compose", new JsonObject().put("project", "cloud")
        .put("action", "restart"));

    assertThat(restarted.error()).as(restarted.content()).isFalse();
    assertThat(project.json().getJsonArray("done")).containsExactly("web");
    assertThat(Instant.parse(engine.dockerOk("inspect", "-f", "{{.State.StartedAt}}", "web"))).isAfter(before);
  }

  @Test
  void should_measure_and_exec_in_a_real_container() {
    JsonObject stats = tools.call("docker_stats", new JsonObject().put("container", "web")).json()
        .getJsonArray("containers").getJsonObject(0);
    JsonObject exec = tools.call("docker_exec", new JsonObject().put("container", "web")
        .put("argv", new JsonArray().add("echo").add("inside"))).json();

    assertThat(stats.getDouble("memory_mib")).isPositive();
    assertThat(exec.getString("output")).isEqualTo("inside\n");
    assertThat(exec.getInteger("exit_code")).isZero();
  }
}
