package io.harpou.testkit.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpou.testkit.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A test's tmpfs never outlives the run: not when the run is stopped, not when it is killed outright. */
class TmpfsMountTest {

  @TempDir
  Path temp;

  @AfterAll
  static void unmountWhatIsLeft() {
    TmpfsMount.closeAll();
  }

  @Test
  void should_unmount_on_close() throws Exception {
    TmpfsMount mount = TmpfsMount.mount(temp.resolve("disk"), 1);
    assumeTrue(mount != null, "a tmpfs cannot be mounted here (the test needs root and mount rights)");

    mount.close();

    assertThat(mounted(temp.resolve("disk"))).isFalse();
  }

  @Test
  void should_unmount_what_a_killed_run_left_before_mounting_again() throws Exception {
    Process killedRun = new ProcessBuilder("true").start();
    killedRun.waitFor(10, TimeUnit.SECONDS);
    Path leftover = Files.createDirectories(temp.resolve("leftover"));
    Process left = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m",
        "harpou-tmpfs-" + killedRun.pid() + "-1", leftover.toString()).start();
    assumeTrue(left.waitFor(10, TimeUnit.SECONDS) && left.exitValue() == 0, "a tmpfs cannot be mounted here");

    try (TmpfsMount mount = TmpfsMount.mount(temp.resolve("disk"), 1)) {
      assertThat(mounted(leftover)).isFalse();
      assertThat(mounted(mount.point())).isTrue();
    }
  }

  @Test
  void should_unmount_when_the_run_is_stopped() throws Exception {
    Path point = temp.resolve("disk");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process run = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), MountsAndWaits.class.getName(),
        point.toString()).redirectErrorStream(true).start();
    try {
      assumeTrue(run.getInputStream().read() == 'm', "the child run could not mount a tmpfs here");
      assertThat(mounted(point)).isTrue();

      run.destroy();

      assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
      Await.until("the stopped run's tmpfs to be unmounted", Duration.ofSeconds(10), () -> !mounted(point));
    } finally {
      run.destroyForcibly();
    }
  }

  private static boolean mounted(Path point) {
    try {
      return Files.readAllLines(Path.of("/proc/mounts")).stream().anyMatch(line -> line.split(" ")[1]
          .equals(point.toString()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A test run that mounts a tmpfs, says so with an {@code m}, and waits to be stopped. */
  static final class MountsAndWaits {
    public static void main(String[] args) throws Exception {
      TmpfsMount mount = TmpfsMount.mount(Path.of(args[0]), 1);
      System.out.print(mount == null ? "x" : "m");
      System.out.flush();
      Thread.sleep(120_000);
    }
  }
}
