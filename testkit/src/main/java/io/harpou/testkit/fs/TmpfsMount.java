package io.harpou.testkit.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real, small file system for a test: a tmpfs of a given size mounted on a folder (needs root, as the tests run
 * here and in CI). {@link #mount} says why it could not, so the test can skip with that reason.
 *
 * <p>A mount outlives the JVM that made it, and a test run killed before its {@code close()} would leave full disks
 * behind for the next run's monitors to see. So each mount names its owner in its source
 * ({@code harpou-tmpfs-<pid>-<n>}, which {@code /proc/mounts} shows, bind mounts of it included): a shutdown hook
 * unmounts what this JVM still has mounted, {@link #closeAll()} does the same for a test class's {@code @AfterAll},
 * and every {@link #mount} first unmounts what JVMs no longer running left behind (never another live run's).
 */
public final class TmpfsMount implements AutoCloseable {

  private static final String SOURCE_PREFIX = "harpou-tmpfs-";
  private static final String OWN_PREFIX = SOURCE_PREFIX + ProcessHandle.current().pid() + "-";
  private static final AtomicInteger COUNT = new AtomicInteger();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TmpfsMount::closeAll, "tmpfs-unmount"));
  }

  private final Path point;
  private final String source;

  private TmpfsMount(Path point, String source) {
    this.point = point;
    this.source = source;
  }

  /** Mounts a tmpfs of {@code megabytes} on {@code point}; returns null and prints why when it cannot. */
  public static TmpfsMount mount(Path point, int megabytes) throws IOException, InterruptedException {
    unmountLeftovers();
    Files.createDirectories(point);
    String source = OWN_PREFIX + COUNT.incrementAndGet();
    Process process = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", source,
        point.toString()).redirectErrorStream(true).start();
    boolean done = process.waitFor(10, TimeUnit.SECONDS);
    String output = new String(process.getInputStream().readAllBytes());
    if (!done || process.exitValue() != 0) {
      System.err.println("tmpfs could not be mounted on " + point + ": " + output);
      return null;
    }
    return new TmpfsMount(point, source);
  }

  /** Unmounts every tmpfs this JVM mounted and has not unmounted yet, with the bind mounts made of them. */
  public static void closeAll() {
    unmountWhere(source -> source.startsWith(OWN_PREFIX));
  }

  /** Unmounts what test runs that are no longer running left mounted. */
  static void unmountLeftovers() {
    unmountWhere(source -> ownerPid(source) != ProcessHandle.current().pid()
        && ProcessHandle.of(ownerPid(source)).map(p -> !p.isAlive()).orElse(true));
  }

  /** Where it is mounted. */
  public Path point() {
    return point;
  }

  /** Writes {@code megabytes} of zeros to a file on it. */
  public void fill(String name, int megabytes) throws IOException {
    Files.write(point.resolve(name), new byte[megabytes << 20]);
  }

  /** Unmounts it, and any bind mount made of it. */
  @Override
  public void close() {
    unmountWhere(source::equals);
  }

  private static void unmountWhere(Predicate<String> ours) {
    List<String> points = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/mounts"))) {
        String[] fields = line.split(" ");
        if (fields.length > 1 && fields[0].startsWith(SOURCE_PREFIX) && ours.test(fields[0])) {
          points.add(0, unescape(fields[1]));
        }
      }
      for (String point : points) {
        new ProcessBuilder("umount", "-l", point).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      System.err.println("tmpfs mounts could not be listed or unmounted: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The pid in a source {@code harpou-tmpfs-<pid>-<n>}, or -1 when it has none. */
  private static long ownerPid(String source) {
    String[] parts = source.substring(SOURCE_PREFIX.length()).split("-");
    try {
      return Long.parseLong(parts[0]);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** {@code /proc/mounts} writes a space as {@code \040}, a tab as {@code \011}, a backslash as {@code \134}. */
  private static String unescape(String field) {
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\");
  }
}
