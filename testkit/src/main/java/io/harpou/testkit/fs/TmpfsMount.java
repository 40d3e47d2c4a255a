package io.harpou.testkit.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real, small file system for a test: a tmpfs of a given size mounted on a folder (needs root, as the tests run
 * here and in CI). {@link #mount} says why it could not, so the test can skip with that reason.
 */
public final class TmpfsMount implements AutoCloseable {

  private final Path point;

  private TmpfsMount(Path point) {
    this.point = point;
  }

  /** Mounts a tmpfs of {@code megabytes} on {@code point}; returns null and prints why when it cannot. */
  public static TmpfsMount mount(Path point, int megabytes) throws IOException, InterruptedException {
    Files.createDirectories(point);
    Process process = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs",
        point.toString()).redirectErrorStream(true).start();
    boolean done = process.waitFor(10, TimeUnit.SECONDS);
    String output = new String(process.getInputStream().readAllBytes());
    if (!done || process.exitValue() != 0) {
      System.err.println("tmpfs could not be mounted on " + point + ": " + output);
      return null;
    }
    return new TmpfsMount(point);
  }

  /** Where it is mounted. */
  public Path point() {
    return point;
  }

  /** Writes {@code megabytes} of zeros to a file on it. */
  public void fill(String name, int megabytes) throws IOException {
    Files.write(point.resolve(name), new byte[megabytes << 20]);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    new ProcessBuilder("umount", "-l", point.toString()).start().waitFor(10, TimeUnit.SECONDS);
  }
}
