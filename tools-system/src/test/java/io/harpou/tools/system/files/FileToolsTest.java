package io.harpou.tools.system.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.tools.system.ToolTestSupport;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileToolsTest {

  private final Vertx vertx = Vertx.vertx();
  private ToolTestSupport tools;

  @TempDir
  Path temp;
  private Path share;
  private Path outside;

  @BeforeEach
  void setUp() throws Exception {
    share = Files.createDirectories(temp.resolve("share"));
    outside = Files.createDirectories(temp.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "the router password");
    Files.writeString(share.resolve("notes.txt"), "buy milk\nfix the gate\n");
    Files.createDirectories(share.resolve("config"));
    Files.writeString(share.resolve("config/home.yaml"), "name: home\nunits: metric\n");
    tools = new ToolTestSupport(vertx, new JsonObject().put("files", new JsonObject()
        .put("roots", new JsonArray().add(share.toString())).put("read_max_bytes", 64)));
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_read_a_text_file_by_relative_or_absolute_path() {
    assertThat(tools.call("read_file", path("notes.txt")).json().getString("content"))
        .isEqualTo("buy milk\nfix the gate\n");
    assertThat(tools.call("read_file", path(share.resolve("config/home.yaml").toString())).json()
        .getString("content")).contains("units: metric");
  }

  @Test
  void should_refuse_to_read_through_dot_dot_an_absolute_path_or_a_link_out_of_the_roots() throws Exception {
    Files.createSymbolicLink(share.resolve("escape"), outside);
    Files.createSymbolicLink(share.resolve("secret-link.txt"), outside.resolve("secret.txt"));

    for (String attack : new String[] {"../outside/secret.txt", outside.resolve("secret.txt").toString(),
        "escape/secret.txt", "secret-link.txt", share + "/../outside/secret.txt", "config/../../outside/secret.txt"}) {
      ToolResult result = tools.call("read_file", path(attack));
      assertThat(result.error()).as(attack).isTrue();
      assertThat(result.content()).as(attack).doesNotContain("router password").contains("inside its folder");
    }
    assertThat(tools.call("list_directory", path("escape")).content()).doesNotContain("secret.txt");
  }

  @Test
  void should_cap_what_it_reads_and_describe_a_binary_file_without_dumping_it() throws Exception {
    Files.writeString(share.resolve("long.txt"), "é".repeat(100));
    Files.write(share.resolve("photo.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0, 0x10, 0x4A});

    JsonObject longOne = tools.call("read_file", path("long.txt")).json();
    JsonObject binary = tools.call("read_file", path("photo.jpg")).json();

    assertThat(longOne.getBoolean("truncated")).isTrue();
    assertThat(longOne.getString("content")).isEqualTo("é".repeat(32));
    assertThat(binary.getBoolean("binary")).isTrue();
    assertThat(binary.containsKey("content")).isFalse();
  }

  @Test
  void should_write_atomically_keeping_the_old_permissions_and_leaving_no_temporary_file() throws Exception {
    Path target = share.resolve("config/home.yaml");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));

    ToolResult result = tools.call("write_file", new JsonObject().put("path", "config/home.yaml")
        .put("content", "name: maison\n"));

    assertThat(result.error()).as(result.content()).isFalse();
    assertThat(Files.readString(target)).isEqualTo("name: maison\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r-----");
    try (Stream<Path> files = Files.list(share.resolve("config"))) {
      assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("home.yaml");
    }
  }

  @Test
  void should_never_write_outside_the_roots_through_dot_dot_a_linked_folder_or_a_linked_file() throws Exception {
    Files.createSymbolicLink(share.resolve("escape"), outside);
    Files.createSymbolicLink(share.resolve("planted.txt"), outside.resolve("secret.txt"));

    for (String attack : new String[] {"../outside/new.txt", "escape/new.txt", "planted.txt",
        outside.resolve("new.txt").toString()}) {
      ToolResult result = tools.call("write_file", new JsonObject().put("path", attack).put("content", "owned"));
      assertThat(result.error()).as(attack).isTrue();
    }
    assertThat(Files.readString(outside.resolve("secret.txt"))).isEqualTo("the router password");
    try (Stream<Path> files = Files.list(outside)) {
      assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("secret.txt");
    }
  }

  @Test
  void should_list_search_and_describe_inside_the_roots() throws Exception {
    JsonObject listing = tools.call("list_directory", path("config")).json();
    JsonObject roots = tools.call("list_directory", new JsonObject()).json();
    JsonObject byName = tools.call("search_files", new JsonObject().put("glob", "*.yaml")).json();
    JsonObject byContent = tools.call("search_files", new JsonObject().put("contains", "GATE")).json();
    JsonObject info = tools.call("file_info", path("notes.txt")).json();

    assertThat(listing.getJsonArray("entries").getJsonObject(0).getString("name")).isEqualTo("home.yaml");
    assertThat(roots.getJsonArray("shared_folders")).containsExactly(share.toString());
    assertThat(byName.getJsonArray("matches")).extracting(m -> ((JsonObject) m).getString("path"))
        .containsExactly(share.resolve("config/home.yaml").toRealPath().toString());
    assertThat(byContent.getJsonArray("matches")).extracting(m -> ((JsonObject) m).getString("path"))
        .containsExactly(share.resolve("notes.txt").toRealPath().toString());
    assertThat(info.getString("kind")).isEqualTo("file");
    assertThat(info.getLong("size")).isEqualTo(22);
  }

  @Test
  void should_not_search_through_a_link_out_of_the_roots() throws Exception {
    Files.createSymbolicLink(share.resolve("escape"), outside);

    JsonObject found = tools.call("search_files", new JsonObject().put("contains", "router")).json();

    assertThat(found.getJsonArray("matches")).isEmpty();
  }

  @Test
  void should_delete_exactly_the_named_folder_and_never_a_root_or_what_a_link_points_to() throws Exception {
    Path cache = Files.createDirectories(share.resolve("cache/thumbs"));
    Files.writeString(cache.resolve("a.jpg"), "x".repeat(1000));
    Files.createSymbolicLink(share.resolve("cache/outside-link"), outside);

    ToolResult deleted = tools.call("delete_path", path("cache"));
    ToolResult root = tools.call("delete_path", path(share.toString()));
    ToolResult escape = tools.call("delete_path", path("../outside"));

    assertThat(deleted.json().getLong("bytes_freed")).isEqualTo(1000);
    assertThat(share.resolve("cache")).doesNotExist();
    assertThat(share.resolve("notes.txt")).exists();
    assertThat(outside.resolve("secret.txt")).exists();
    assertThat(root.error()).isTrue();
    assertThat(share).exists();
    assertThat(escape.error()).isTrue();
    assertThat(outside).exists();
  }

  @Test
  void should_name_the_exact_path_in_its_confirmation_question() {
    String question = tools.tool("delete_path").confirmation(ToolCall.of("delete_path", path("cache")), "en");

    assertThat(question).isEqualTo("Delete " + share.resolve("cache")
        + " (and everything in it, if it is a folder)? Say yes to confirm.");
  }

  @Test
  void should_reject_an_invalid_glob_as_bad_arguments() {
    assertThatThrownBy(() -> tools.call("search_files", new JsonObject().put("glob", "[unclosed")))
        .isInstanceOf(ToolArgumentsException.class);
  }

  @Test
  void should_offer_no_file_tool_without_a_root() {
    ToolTestSupport none = new ToolTestSupport(vertx, new JsonObject());

    assertThat(none.names()).doesNotContain("read_file", "write_file", "delete_path");
  }

  private static JsonObject path(String path) {
    return new JsonObject().put("path", path);
  }
}
