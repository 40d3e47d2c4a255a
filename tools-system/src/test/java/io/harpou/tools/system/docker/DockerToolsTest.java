package io.harpou.tools.system.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.testkit.docker.VirtualContainer;
import io.harpou.testkit.docker.VirtualDocker;
import io.harpou.tools.system.ToolTestSupport;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker tools over the Engine API, against the virtual daemon on a unix socket (no Docker engine can run on
 * these machines: there is no dockerd and no image registry).
 */
class DockerToolsTest {

  private final Vertx vertx = Vertx.vertx();
  private VirtualDocker docker;
  private ToolTestSupport tools;

  @TempDir
  Path temp;

  @BeforeEach
  void setUp() {
    docker = VirtualDocker.create(vertx, temp.resolve("docker.sock")).start().await();
    docker.add(new VirtualContainer("nextcloud", "nextcloud:29").health("unhealthy").cpuPercent(25)
        .memory(300L << 20, 2L << 30).label("com.docker.compose.project", "cloud")
        .log("ready").logError("warning: slow database"));
    docker.add(new VirtualContainer("redis", "redis:7").label("com.docker.compose.project", "cloud"));
    docker.add(new VirtualContainer("jellyfin", "jellyfin/jellyfin:10").state("restarting"));
    tools = new ToolTestSupport(vertx, new JsonObject().put("docker", new JsonObject()
        .put("socket", docker.socket().toString()).put("compose_projects", new JsonArray().add("cloud"))
        .put("exec", new JsonObject().put("allow", new JsonArray().add("echo").add("sh")))));
  }

  @AfterEach
  void close() {
    docker.close().await();
    vertx.close().await();
  }

  @Test
  void should_list_containers_with_state_and_health() {
    JsonArray containers = tools.call("docker_status", new JsonObject()).json().getJsonArray("containers");

    assertThat(containers).extracting(c -> ((JsonObject) c).getString("name"))
        .containsExactly("jellyfin", "nextcloud", "redis");
    assertThat(containers.getJsonObject(1).getString("health")).isEqualTo("unhealthy");
    assertThat(containers.getJsonObject(0).getString("state")).isEqualTo("restarting");
  }

  @Test
  void should_read_both_streams_of_the_logs_and_cap_a_flood() {
    JsonObject logs = tools.call("docker_logs", new JsonObject().put("container", "nextcloud")).json();

    assertThat(logs.getString("lines")).isEqualTo("ready\nwarning: slow database\n");

    VirtualContainer noisy = new VirtualContainer("noisy", "busybox");
    for (int i = 0; i < 3000; i++) {
      noisy.log("line " + i + " " + "x".repeat(100));
    }
    docker.add(noisy);
    ToolResult floodResult = tools.call("docker_logs", new JsonObject().put("container", "noisy").put("tail", 1000));
    assertThat(floodResult.error()).as(floodResult.content()).isFalse();
    JsonObject flood = floodResult.json();

    assertThat(flood.getBoolean("truncated")).isTrue();
    assertThat(flood.getString("lines")).startsWith("line 2000 ");
    assertThat(flood.getString("lines").length()).isLessThan(DockerReadTools.LOG_BYTES + 100);
  }

  @Test
  void should_compute_cpu_and_memory_as_docker_stats_does() {
    JsonObject stats = tools.call("docker_stats", new JsonObject().put("container", "nextcloud")).json()
        .getJsonArray("containers").getJsonObject(0);

    assertThat(stats.getDouble("cpu_percent")).isEqualTo(25.0);
    assertThat(stats.getDouble("memory_mib")).isEqualTo(300.0);
    assertThat(stats.getDouble("memory_limit_mib")).isEqualTo(2048.0);
  }

  @Test
  void should_restart_a_container_and_a_compose_projects_containers() {
    ToolResult one = tools.call("docker_restart", new JsonObject().put("container", "nextcloud"));
    ToolResult project = tools.call("docker_compose", new JsonObject().put("project", "cloud")
        .put("action", "restart"));

    assertThat(one.error()).as(one.content()).isFalse();
    assertThat(project.json().getJsonArray("done")).containsExactlyInAnyOrder("nextcloud", "redis");
    assertThat(docker.container("nextcloud").orElseThrow().restarts()).isEqualTo(2);
    assertThat(docker.container("redis").orElseThrow().restarts()).isEqualTo(1);
    assertThat(docker.container("jellyfin").orElseThrow().restarts()).isZero();
  }

  @Test
  void should_stop_and_start_a_project_and_pull_its_images() {
    tools.call("docker_compose", new JsonObject().put("project", "cloud").put("action", "down"));
    assertThat(docker.container("redis").orElseThrow().state()).isEqualTo("exited");

    tools.call("docker_compose", new JsonObject().put("project", "cloud").put("action", "up"));
    ToolResult pull = tools.call("docker_compose", new JsonObject().put("project", "cloud").put("action", "pull"));
    assertThat(pull.error()).as(pull.content()).isFalse();
    JsonObject pulled = pull.json();

    assertThat(docker.container("redis").orElseThrow().state()).isEqualTo("running");
    assertThat(pulled.getJsonArray("done")).containsExactlyInAnyOrder("nextcloud:29", "redis:7");
    assertThat(docker.requests()).anyMatch(r -> r.startsWith("POST /images/create?fromImage=redis&tag=7"));
  }

  @Test
  void should_run_an_allowed_exec_and_refuse_the_always_denied_core_even_when_allowed() {
    JsonObject echoed = tools.call("docker_exec", new JsonObject().put("container", "nextcloud")
        .put("argv", new JsonArray().add("echo").add("hi"))).json();
    ToolResult shell = tools.call("docker_exec", new JsonObject().put("container", "nextcloud")
        .put("argv", new JsonArray().add("sh").add("-c").add("rm -rf /")));

    assertThat(echoed.getString("output")).isEqualTo("hi\n");
    assertThat(echoed.getInteger("exit_code")).isZero();
    assertThat(shell.content()).startsWith("Refused");
    assertThat(docker.requests()).noneMatch(r -> r.contains("exec") && r.contains("sh"));
    assertThat(docker.requests().stream().filter(r -> r.endsWith("/exec")).count()).isEqualTo(1);
  }

  @Test
  void should_refuse_a_container_name_that_would_change_the_api_path() {
    int before = docker.requests().size();
    for (String attack : new String[] {"../images/create", "nextcloud/../../images/json", "a?all=1", "%2e%2e"}) {
      assertThatThrownBy(() -> tools.call("docker_restart", new JsonObject().put("container", attack)))
          .as(attack).isInstanceOf(ToolArgumentsException.class);
    }
    assertThat(docker.requests()).hasSize(before);
  }

  @Test
  void should_say_when_docker_is_unreachable() {
    ToolTestSupport gone = new ToolTestSupport(vertx, new JsonObject().put("docker", new JsonObject()
        .put("socket", temp.resolve("missing.sock").toString())));

    ToolResult result = gone.call("docker_status", new JsonObject());

    assertThat(result.error()).isTrue();
    assertThat(result.content()).contains("Docker is unreachable at " + temp.resolve("missing.sock"));
  }

  @Test
  void should_ask_about_the_exact_container_before_restarting_it() {
    assertThat(tools.tool("docker_restart").confirmation(io.harpou.bridge.api.tool.ToolCall.of("docker_restart",
        new JsonObject().put("container", "nextcloud")), "fr"))
        .isEqualTo("Redémarrer le conteneur nextcloud ? Dites oui pour confirmer.");
  }
}
