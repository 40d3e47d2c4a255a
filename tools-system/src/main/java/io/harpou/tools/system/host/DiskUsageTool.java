package io.harpou.tools.system.host;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.system.common.Args;
import io.harpou.tools.system.common.Blocking;
import io.harpou.tools.system.common.Schema;
import io.harpou.tools.system.files.FileRoots;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Tells how full each disk is, and, for a folder inside the shared folders, which of its sub-folders are largest.
 * The size walk never follows links and stops after a bounded number of entries, saying so.
 */
final class DiskUsageTool implements Tool {

  static final int MAX_ENTRIES = 200_000;

  private static final ToolSpec SPEC = new ToolSpec("disk_usage",
      "Tells how full each disk of the home server is; with a path inside the shared folders, also lists its"
          + " largest sub-folders and files.",
      Schema.object().string("path", "a folder whose largest entries to list", false)
          .integer("top", "how many of the largest entries (default 10)", 1, 50, false).build(), Risk.READ, false);

  private final FileRoots roots;

  DiskUsageTool(FileRoots roots) {
    this.roots = roots;
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public Future<ToolResult> call(ToolCall call, ToolContext context) {
    String path = Args.text(call.arguments(), "path", null);
    int top = Args.integer(call.arguments(), "top", 10, 1, 50);
    return Blocking.run(context.vertx(), () -> {
      JsonArray mounts = new JsonArray();
      Mounts.all().forEach(usage -> mounts.add(usage.toJson()));
      JsonObject json = new JsonObject().put("mounts", mounts);
      if (path != null) {
        Path folder = roots.existing(path);
        json.put("largest", largest(folder, top, json)).put("path", folder.toString());
      }
      return ToolResult.ok(json);
    });
  }

  private static JsonArray largest(Path folder, int top, JsonObject out) throws IOException {
    record Entry(String path, long bytes) {
    }
    List<Entry> entries = new ArrayList<>();
    int[] budget = {MAX_ENTRIES};
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
      for (Path child : stream) {
        entries.add(new Entry(child.toString(), size(child, budget)));
      }
    }
    if (budget[0] <= 0) {
      out.put("partial", "stopped after " + MAX_ENTRIES + " entries; sizes are lower bounds");
    }
    JsonArray list = new JsonArray();
    entries.stream().sorted(Comparator.comparingLong(Entry::bytes).reversed()).limit(top)
        .forEach(e -> list.add(new JsonObject().put("path", e.path()).put("size_mib",
            Math.round(e.bytes() / 1048576.0 * 10) / 10.0).put("bytes", e.bytes())));
    return list;
  }

  private static long size(Path path, int[] budget) throws IOException {
    if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      budget[0]--;
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size();
    }
    long[] total = {0};
    Files.walkFileTree(path, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        total[0] += attributes.size();
        return --budget[0] > 0 ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        return FileVisitResult.CONTINUE;
      }
    });
    return total[0];
  }
}
