package io.harpou.tools.system.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.tools.system.ToolTestSupport;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The systemd tools. Against the real systemd where this machine runs it; everywhere, against stand-in
 * {@code systemctl} and {@code journalctl} programs that record their argv, to prove that no value the model picks
 * can become an option of its own.
 */
class SystemdToolsTest {

  private final Vertx vertx = Vertx.vertx();
  private ToolTestSupport tools;

  @TempDir
  Path temp;
  private Path recorded;

  @BeforeEach
  void setUp() throws Exception {
    recorded = temp.resolve("argv.txt");
    Path systemctl = script("systemctl", "printf 'Id=nginx.service\\nActiveState=active\\nSubState=running\\n'");
    Path journalctl = script("journalctl", "echo '2026-11-21T08:00:00+0000 host nginx[1]: started'");
    tools = new ToolTestSupport(vertx, new JsonObject().put("systemd", new JsonObject()
        .put("systemctl", systemctl.toString()).put("journalctl", journalctl.toString())));
  }

  /** A program that appends its arguments, one per line, to the record, then does {@code then}. */
  private Path script(String name, String then) throws Exception {
    Path program = temp.resolve(name);
    Files.writeString(program, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> " + recorded + "; done\n"
        + "echo --- >> " + recorded + "\n" + then + "\n");
    program.toFile().setExecutable(true);
    return program;
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_read_a_units_state_from_systemctl_show_with_the_unit_after_a_double_dash() throws Exception {
    JsonObject state = tools.call("service_status", new JsonObject().put("unit", "nginx.service")).json();

    assertThat(state.getString("ActiveState")).isEqualTo("active");
    List<String> argv = Files.readAllLines(recorded);
    assertThat(argv.subList(argv.size() - 3, argv.size())).containsExactly("--", "nginx.service", "---");
  }

  @Test
  void should_refuse_a_unit_name_that_is_an_option_before_running_anything() {
    for (String attack : List.of("--help", "-H", "--host=evil", "nginx.service --now", "a;reboot", "")) {
      assertThatThrownBy(() -> tools.call("service_status", new JsonObject().put("unit", attack)))
          .as(attack).isInstanceOf(ToolArgumentsException.class);
      assertThatThrownBy(() -> tools.call("service_control", new JsonObject().put("unit", attack)
          .put("action", "stop"))).as(attack).isInstanceOf(ToolArgumentsException.class);
    }
    assertThat(recorded).doesNotExist();
  }

  @Test
  void should_pass_journal_filters_as_option_values_and_refuse_smuggled_options() throws Exception {
    ToolResult lines = tools.call("logs_view", new JsonObject().put("unit", "nginx.service").put("since", "-1h")
        .put("priority", "err").put("lines", 50));

    assertThat(lines.json().getString("lines")).contains("nginx[1]: started");
    assertThat(Files.readAllLines(recorded)).contains("--unit=nginx.service", "--since=-1h", "--priority=err",
        "--lines=50");
    for (String attack : List.of("--output=json", "-f", "today --follow", "1h; reboot")) {
      assertThatThrownBy(() -> tools.call("logs_view", new JsonObject().put("since", attack)))
          .as(attack).isInstanceOf(ToolArgumentsException.class);
    }
  }

  @Test
  void should_ask_about_the_exact_unit_and_action_before_controlling_it() {
    String question = tools.tool("service_control").confirmation(ToolCall.of("service_control",
        new JsonObject().put("unit", "nginx.service").put("action", "restart")), "en");

    assertThat(question).isEqualTo("Restart the service nginx.service? Say yes to confirm.");
    assertThat(tools.tool("service_control").spec().risk().jsonName()).isEqualTo("protected");
  }

  @Test
  void should_read_a_real_units_state_where_systemd_runs() {
    assumeTrue(Files.isDirectory(Path.of("/run/systemd/system")), "systemd is not the init system here (no"
        + " /run/systemd/system, PID 1 is " + comm() + "), so the real systemctl cannot answer");
    ToolTestSupport real = new ToolTestSupport(vertx, new JsonObject());

    JsonObject state = real.call("service_status", new JsonObject().put("unit", "systemd-journald.service")).json();

    assertThat(state.getString("ActiveState")).isEqualTo("active");
  }

  @Test
  void should_read_the_real_journal_where_journald_keeps_one() throws Exception {
    assumeTrue(journalFiles(Path.of("/var/log/journal")) || journalFiles(Path.of("/run/log/journal")),
        "no journal files here (no *.journal under /var/log/journal or /run/log/journal: journald does not run),"
            + " so the real journalctl has nothing to show");
    ToolTestSupport real = new ToolTestSupport(vertx, new JsonObject());

    ToolResult lines = real.call("logs_view", new JsonObject().put("lines", 5));

    assertThat(lines.error()).as(lines.content()).isFalse();
    assertThat(lines.json().getString("lines")).isNotBlank().doesNotContain("No journal files");
  }

  private static boolean journalFiles(Path folder) throws java.io.IOException {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (var files = Files.walk(folder)) {
      return files.anyMatch(f -> f.toString().endsWith(".journal"));
    }
  }

  private static String comm() {
    try {
      return Files.readString(Path.of("/proc/1/comm")).strip();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
