package io.harpou.tools.system.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.tools.system.ToolTestSupport;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecuteCommandTest {

  private final Vertx vertx = Vertx.vertx();
  private ToolTestSupport tools;

  @TempDir
  Path temp;
  private Path work;

  @BeforeEach
  void setUp() throws Exception {
    work = Files.createDirectories(temp.resolve("work"));
    Files.writeString(work.resolve("keep.txt"), "keep me");
    tools = tools(new JsonObject().put("allow", new JsonArray().add("echo").add("printenv").add("sleep").add("seq")
        .add("pwd").add("rm").add("ls").add(temp.resolve("lister").toString()).add("mkfs.ext4")
        .add(new JsonArray().add("git").add("status"))).put("deny", new JsonArray().add("seq"))
        .put("roots", new JsonArray().add(work.toString())).put("timeout_ms", 1000).put("output_max_bytes", 1000));
  }

  private ToolTestSupport tools(JsonObject execute) {
    return new ToolTestSupport(vertx, new JsonObject().put("execute", execute));
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_run_an_allowed_argv_without_a_shell() {
    JsonObject out = run("echo", "$(id)", ";", "rm", "-rf", "*", "|", "cat").json();

    assertThat(out.getInteger("exit_code")).isZero();
    assertThat(out.getString("stdout")).isEqualTo("$(id) ; rm -rf * | cat\n");
    assertThat(work.resolve("keep.txt")).exists();
  }

  @Test
  void should_give_the_child_a_scrubbed_environment() {
    String env = run("printenv").json().getString("stdout");

    assertThat(env.lines().map(l -> l.substring(0, l.indexOf('='))).toList())
        .containsExactlyInAnyOrder("PATH", "LANG", "LC_ALL", "SYSTEMD_PAGER", "SYSTEMD_COLORS");
    assertThat(System.getenv()).isNotEmpty();
    for (String inherited : System.getenv().keySet()) {
      if (!List.of("PATH", "LANG", "LC_ALL").contains(inherited)) {
        assertThat(env).doesNotContain(inherited + "=");
      }
    }
  }

  @Test
  void should_kill_a_command_that_runs_past_its_timeout() {
    long start = System.nanoTime();
    ToolResult result = run("sleep", "30");

    assertThat(result.error()).isTrue();
    assertThat(result.json().getBoolean("timed_out")).isTrue();
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(20_000);
  }

  @Test
  void should_keep_only_the_first_bytes_of_a_flood_of_output() {
    ToolTestSupport flood = tools(new JsonObject().put("allow", new JsonArray().add("seq"))
        .put("roots", new JsonArray().add(work.toString())).put("output_max_bytes", 1000));

    JsonObject out = flood.call("execute_command", new JsonObject().put("argv", new JsonArray().add("seq")
        .add("1").add("200000"))).json();

    assertThat(out.getString("stdout")).startsWith("1\n2\n3\n").contains("more bytes not shown");
    assertThat(out.getString("stdout").length()).isLessThan(1100);
  }

  @Test
  void should_run_in_the_named_folder_inside_the_roots_and_nowhere_else() {
    assertThat(run("pwd").json().getString("stdout").strip()).isEqualTo(work.toString());
    ToolResult outside = tools.call("execute_command", new JsonObject().put("argv", new JsonArray().add("pwd"))
        .put("cwd", "/etc"));
    ToolResult climbing = tools.call("execute_command", new JsonObject().put("argv", new JsonArray().add("pwd"))
        .put("cwd", "../"));

    assertThat(outside.error()).isTrue();
    assertThat(climbing.error()).isTrue();
  }

  @Test
  void should_refuse_what_is_not_allowed_whatever_way_it_is_smuggled() throws Exception {
    Files.createSymbolicLink(temp.resolve("lister"), Path.of("/bin/bash"));
    Path fakeLs = Files.createDirectories(temp.resolve("bin")).resolve("ls");
    Files.writeString(fakeLs, "#!/bin/sh\ntouch " + work.resolve("owned") + "\n");
    fakeLs.toFile().setExecutable(true);

    List<List<String>> attacks = List.of(
        List.of("mkfs.ext4", "/dev/sda1"),
        List.of("sh", "-c", "rm -rf /"),
        List.of("bash", "-c", "id"),
        List.of("env", "rm", "-rf", "/"),
        List.of("rm", "-rf", "/"),
        List.of("rm", "-r", "-f", "--no-preserve-root", "/"),
        List.of("rm", "-fr", "/etc"),
        List.of("seq", "1", "3"),
        List.of(temp.resolve("lister").toString(), "-c", "id"),
        List.of(fakeLs.toString()),
        List.of("git", "push"),
        List.of("python3", "-c", "print(1)"),
        List.of("find", "/", "-delete"),
        List.of("cat", "/etc/shadow"));
    for (List<String> argv : attacks) {
      ToolResult result = tools.call("execute_command", new JsonObject().put("argv", new JsonArray(argv)));
      assertThat(result.error()).as(argv.toString()).isTrue();
      assertThat(result.content()).as(argv.toString()).startsWith("Refused");
    }
    assertThat(work.resolve("owned")).doesNotExist();
    assertThat(work.resolve("keep.txt")).exists();
  }

  @Test
  void should_offer_execute_command_only_when_some_program_is_allowed() {
    assertThat(tools(new JsonObject()).offers("execute_command")).isFalse();
    assertThat(tools.offers("execute_command")).isTrue();
    assertThat(tools.tool("execute_command").spec().risk().jsonName()).isEqualTo("dangerous");
  }

  private ToolResult run(String... argv) {
    return tools.call("execute_command", new JsonObject().put("argv", new JsonArray(List.of(argv))));
  }
}
