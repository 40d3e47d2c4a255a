package io.harpou.bridge.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Paths read on someone else's behalf (a model's tool call, a folder being indexed) stay inside their root folder.
 * Every symbolic link is followed to its real target and a target outside the root is refused, so a link in the data
 * folder cannot lend a tool the rest of the disk. Callers then open the returned real path, not the path they were
 * given. The blocking forms touch the file system: call them on a worker, or use the {@link Future} form.
 */
public final class RootedPaths {

  private RootedPaths() {
  }

  /**
   * The real path of {@code relative} under {@code root}.
   *
   * @throws OutsideRootException when it names the root itself or anything outside it, before or after following
   *     links, or is not a valid path
   * @throws java.nio.file.NoSuchFileException when it does not exist (a dangling link included)
   * @throws IOException when the file system cannot tell
   */
  public static Path resolve(Path root, String relative) throws IOException {
    Path base = root.toAbsolutePath().normalize();
    Path lexical;
    try {
      lexical = base.resolve(relative).normalize();
    } catch (InvalidPathException e) {
      throw new OutsideRootException(relative);
    }
    if (!lexical.startsWith(base) || lexical.equals(base)) {
      throw new OutsideRootException(relative);
    }
    return real(base, lexical, relative);
  }

  /**
   * The real path of {@code path} (absolute, or relative to {@code root}), which must lie inside {@code root}; the
   * form for paths found by walking the root.
   *
   * @throws OutsideRootException when its real path is the root itself or lies outside it
   * @throws java.nio.file.NoSuchFileException when it does not exist (a dangling link included)
   * @throws IOException when the file system cannot tell
   */
  public static Path resolve(Path root, Path path) throws IOException {
    Path base = root.toAbsolutePath().normalize();
    return real(base, base.resolve(path).normalize(), path.toString());
  }

  /**
   * {@link #resolve(Path, String)} on a worker thread; the Future fails with the same exceptions and completes on
   * the caller's context.
   */
  public static Future<Path> resolve(Vertx vertx, Path root, String relative) {
    return vertx.executeBlocking(() -> resolve(root, relative), false);
  }

  private static Path real(Path base, Path path, String asked) throws IOException {
    Path realRoot = base.toRealPath();
    Path real = path.toRealPath();
    if (!real.startsWith(realRoot) || real.equals(realRoot)) {
      throw new OutsideRootException(asked);
    }
    return real;
  }
}
