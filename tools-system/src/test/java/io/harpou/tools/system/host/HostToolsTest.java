package io.harpou.tools.system.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.tools.system.ToolTestSupport;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostToolsTest {

  private final Vertx vertx = Vertx.vertx();
  private ToolTestSupport tools;

  @TempDir
  Path share;

  @BeforeEach
  void setUp() throws Exception {
    Files.createDirectories(share.resolve("films"));
    Files.write(share.resolve("films/big.mkv"), new byte[3 << 20]);
    Files.createDirectories(share.resolve("docs"));
    Files.write(share.resolve("docs/letter.txt"), new byte[1000]);
    tools = new ToolTestSupport(vertx, new JsonObject().put("files", new JsonObject()
        .put("roots", new JsonArray().add(share.toString()))));
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_describe_processors_memory_and_load() {
    JsonObject info = tools.call("system_info", new JsonObject()).json();

    assertThat(info.getInteger("processors")).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(info.getJsonObject("memory").getLong("total_mib")).isPositive();
    assertThat(info.getJsonObject("load").getDouble("1m")).isNotNegative();
    assertThat(info.getLong("uptime_seconds")).isPositive();
  }

  @Test
  void should_list_mounts_and_the_largest_entries_of_a_shared_folder() throws Exception {
    JsonObject usage = tools.call("disk_usage", new JsonObject().put("path", share.toString())).json();

    assertThat(usage.getJsonArray("mounts")).isNotEmpty();
    JsonArray largest = usage.getJsonArray("largest");
    assertThat(largest.getJsonObject(0).getString("path")).isEqualTo(share.toRealPath().resolve("films").toString());
    assertThat(largest.getJsonObject(0).getLong("bytes")).isEqualTo(3 << 20);
    assertThat(largest.getJsonObject(1).getLong("bytes")).isEqualTo(1000);
  }

  @Test
  void should_not_walk_a_folder_outside_the_shared_folders() {
    ToolResult result = tools.call("disk_usage", new JsonObject().put("path", "/etc"));

    assertThat(result.error()).isTrue();
    assertThat(result.content()).doesNotContain("passwd");
  }

  @Test
  void should_list_processes_by_name_only_with_this_jvm_among_them() {
    JsonObject list = tools.call("process_list", new JsonObject().put("sort", "memory").put("limit", 50)).json();

    long self = ProcessHandle.current().pid();
    assertThat(list.getJsonArray("processes")).anySatisfy(p -> {
      JsonObject process = (JsonObject) p;
      assertThat(process.getLong("pid")).isEqualTo(self);
      assertThat(process.getString("name")).isEqualTo("java");
      assertThat(process.getLong("memory_mib")).isPositive();
    });
    assertThat(list.encode()).doesNotContain("surefire");
  }
}
