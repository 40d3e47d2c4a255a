package io.harpou.bridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootedPathsTest {

  @TempDir
  Path root;

  @TempDir
  Path elsewhere;

  @Test
  void should_give_the_real_path_of_a_file_or_an_inner_link() throws IOException {
    Path notes = Files.writeString(Files.createDirectories(root.resolve("docs")).resolve("notes.txt"), "hi");
    Files.createSymbolicLink(root.resolve("latest.txt"), Path.of("docs/notes.txt"));

    assertThat(RootedPaths.resolve(root, "docs/notes.txt")).isEqualTo(notes.toRealPath());
    assertThat(RootedPaths.resolve(root, "latest.txt")).isEqualTo(notes.toRealPath());
    assertThat(RootedPaths.resolve(root, root.resolve("latest.txt"))).isEqualTo(notes.toRealPath());
  }

  @Test
  void should_refuse_every_way_out_of_the_root() throws IOException {
    Path secret = Files.writeString(elsewhere.resolve("secret.txt"), "token");
    Files.createSymbolicLink(root.resolve("secret.txt"), secret);
    Files.createSymbolicLink(root.resolve("out"), elsewhere);
    Files.createSymbolicLink(root.resolve("chain.txt"), root.resolve("secret.txt"));

    for (String path : new String[] {"secret.txt", "out/secret.txt", "chain.txt", "../secret.txt", "/etc/passwd",
        secret.toString(), ".", "", "a\u0000b"}) {
      assertThatThrownBy(() -> RootedPaths.resolve(root, path)).as(path).isInstanceOf(OutsideRootException.class);
    }
    assertThatThrownBy(() -> RootedPaths.resolve(root, root.resolve("secret.txt")))
        .isInstanceOf(OutsideRootException.class);
  }

  @Test
  void should_say_when_the_file_or_a_links_target_does_not_exist() throws IOException {
    Files.createSymbolicLink(root.resolve("dangling.txt"), root.resolve("gone.txt"));

    assertThatThrownBy(() -> RootedPaths.resolve(root, "missing.txt")).isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> RootedPaths.resolve(root, "dangling.txt")).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void should_accept_a_root_that_is_itself_a_link() throws IOException {
    Path real = Files.createDirectories(elsewhere.resolve("data"));
    Path file = Files.writeString(real.resolve("a.txt"), "a");
    Path link = Files.createSymbolicLink(root.resolve("data"), real);

    assertThat(RootedPaths.resolve(link, "a.txt")).isEqualTo(file.toRealPath());
  }

  @Test
  void should_resolve_on_a_worker_and_fail_the_future_alike() throws IOException {
    Vertx vertx = Vertx.vertx();
    try {
      Files.createSymbolicLink(root.resolve("out"), elsewhere);
      Files.writeString(root.resolve("in.txt"), "in");

      assertThat(RootedPaths.resolve(vertx, root, "in.txt").await()).isEqualTo(root.resolve("in.txt").toRealPath());
      assertThatThrownBy(() -> RootedPaths.resolve(vertx, root, "out").await())
          .isInstanceOf(OutsideRootException.class);
    } finally {
      vertx.close().await();
    }
  }
}
