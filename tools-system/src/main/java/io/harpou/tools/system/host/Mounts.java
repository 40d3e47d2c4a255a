package io.harpou.tools.system.host;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The host's real file systems and how full each is, from {@code /proc/mounts} and statfs. Blocks. */
public final class Mounts {

  /** Kernel and virtual file systems that hold no one's data. */
  private static final Set<String> PSEUDO = Set.of("proc", "sysfs", "cgroup", "cgroup2", "devpts", "devtmpfs",
      "mqueue", "debugfs", "tracefs", "securityfs", "pstore", "bpf", "configfs", "fusectl", "hugetlbfs", "autofs",
      "binfmt_misc", "nsfs", "rpc_pipefs", "efivarfs", "ramfs", "squashfs", "nfsd", "selinuxfs");

  /**
   * How full one mount is.
   *
   * @param mountPoint where it is mounted
   * @param type the file system type
   * @param totalBytes its size
   * @param freeBytes what an unprivileged user may still write
   */
  public record Usage(String mountPoint, String type, long totalBytes, long freeBytes) {

    /** Percent used, as {@code df} counts it (used over used plus available). */
    public double usedPercent() {
      long used = totalBytes - freeBytes;
      return totalBytes <= 0 ? 0 : Math.round(used * 1000.0 / totalBytes) / 10.0;
    }

    /** The JSON form, in MiB. */
    public JsonObject toJson() {
      return new JsonObject().put("mount", mountPoint).put("type", type).put("size_mib", totalBytes >> 20)
          .put("free_mib", freeBytes >> 20).put("used_percent", usedPercent());
    }
  }

  private Mounts() {
  }

  /**
   * Every real file system once, at the first folder it is mounted on: a file system bind-mounted in several places
   * (a container's {@code /etc/hosts}, a folder mounted twice) is one disk, so one full disk makes one alert.
   */
  public static List<Usage> all() throws IOException {
    Map<String, String> types = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of("/proc/mounts"))) {
      String[] parts = line.split(" ");
      if (parts.length >= 3 && !PSEUDO.contains(parts[2])) {
        types.putIfAbsent(unescape(parts[1]), parts[2]);
      }
    }
    List<Usage> out = new ArrayList<>();
    Set<Object> devices = new HashSet<>();
    for (Map.Entry<String, String> entry : types.entrySet()) {
      Path point = Path.of(entry.getKey());
      if (!Files.isDirectory(point) || !devices.add(device(point))) {
        continue;
      }
      Usage usage = usage(point, entry.getValue());
      if (usage != null && usage.totalBytes() > 0) {
        out.add(usage);
      }
    }
    return out;
  }

  /** The device a path's file system is on ({@code st_dev}), or the path itself when it cannot be read. */
  private static Object device(Path point) {
    try {
      return Files.getAttribute(point, "unix:dev");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return point;
    }
  }

  /** The usage of the file system holding {@code path}, or null when it cannot be read. */
  public static Usage usage(Path path, String type) {
    try {
      FileStore store = Files.getFileStore(path);
      return new Usage(path.toString(), type == null ? store.type() : type, store.getTotalSpace(),
          store.getUsableSpace());
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  /** {@code /proc/mounts} writes a space as {@code \040}, a tab as {@code \011}, a backslash as {@code \134}. */
  private static String unescape(String field) {
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
  }
}
