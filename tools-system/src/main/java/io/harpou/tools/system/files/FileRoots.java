package io.harpou.tools.system.files;

import io.harpou.bridge.api.Json;
import io.harpou.bridge.api.OutsideRootException;
import io.harpou.bridge.api.RootedPaths;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The folders the file tools may touch, from {@code files.roots}. A path the model gives is absolute (and must lie in
 * a root) or relative to the first root; it is resolved to its real path, links followed, and refused when that lies
 * outside every root. Methods block: call them on a worker.
 */
public final class FileRoots {

  private final List<Path> roots;

  /** The roots listed in {@code files.roots}; none when absent. */
  public FileRoots(JsonObject files) {
    this(Json.strings(files, "roots").stream().map(p -> Path.of(p).toAbsolutePath().normalize()).toList());
  }

  /** The given roots. */
  public FileRoots(List<Path> roots) {
    this.roots = List.copyOf(roots);
  }

  /** The configured roots, as written. */
  public List<Path> roots() {
    return roots;
  }

  /** True when no root is configured, so every file tool refuses. */
  public boolean isEmpty() {
    return roots.isEmpty();
  }

  /**
   * The real path of an existing file or folder, a root itself included.
   *
   * @throws OutsideRootException when it lies outside every root, before or after following links
   * @throws NoSuchFileException when it does not exist
   */
  public Path existing(String path) throws IOException {
    Path root = rootOf(path);
    Path asked = root.resolve(path).normalize();
    if (asked.equals(root)) {
      return root.toRealPath();
    }
    return RootedPaths.resolve(root, root.relativize(asked).toString());
  }

  /**
   * Where a file that may not exist yet would be written: its folder's real path (inside a root) and its name. An
   * existing target is resolved like {@link #existing}, so a link pointing out of the roots is refused.
   *
   * @throws OutsideRootException when the folder or an existing target lies outside every root
   */
  public Path writable(String path) throws IOException {
    Path root = rootOf(path);
    Path asked = root.resolve(path).normalize();
    if (asked.equals(root) || asked.getFileName() == null) {
      throw new OutsideRootException(path);
    }
    if (Files.exists(asked, LinkOption.NOFOLLOW_LINKS)) {
      return existing(path);
    }
    return existing(asked.getParent().toString()).resolve(asked.getFileName().toString());
  }

  /** The path as the tools will take it, absolute and normalised, without touching the disk (for questions). */
  public String lexical(String path) {
    try {
      return rootOf(path).resolve(path).normalize().toString();
    } catch (RuntimeException e) {
      return path;
    }
  }

  /** True when {@code real} is one of the roots itself (which no tool may delete or overwrite). */
  public boolean isRoot(Path real) throws IOException {
    for (Path root : roots) {
      if (Files.exists(root) && root.toRealPath().equals(real)) {
        return true;
      }
    }
    return false;
  }

  /** The root a path is taken against: the one it starts with when absolute, else the first. */
  private Path rootOf(String path) {
    if (roots.isEmpty()) {
      throw new OutsideRootException(path);
    }
    Path asked;
    try {
      asked = Path.of(path);
    } catch (java.nio.file.InvalidPathException e) {
      throw new OutsideRootException(path);
    }
    if (!asked.isAbsolute()) {
      return roots.get(0);
    }
    Path normal = asked.normalize();
    for (Path root : roots) {
      if (normal.startsWith(root)) {
        return root;
      }
    }
    throw new OutsideRootException(path);
  }
}
