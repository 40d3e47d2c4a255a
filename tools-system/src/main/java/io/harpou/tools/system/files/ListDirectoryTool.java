package io.harpou.tools.system.files;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.system.common.Args;
import io.harpou.tools.system.common.Blocking;
import io.harpou.tools.system.common.Schema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Lists a folder inside the roots (names, kinds, sizes), or the roots themselves when no path is given. */
final class ListDirectoryTool implements Tool {

  private static final int MAX_ENTRIES = 500;
  private static final ToolSpec SPEC = new ToolSpec("list_directory",
      "Lists the files and folders in a folder of the household's shared folders; without a path, lists the shared"
          + " folders themselves.",
      Schema.object().string("path", "the folder; omit for the shared folders", false).build(), Risk.READ, false);

  private final FileRoots roots;

  ListDirectoryTool(FileRoots roots) {
    this.roots = roots;
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public Future<ToolResult> call(ToolCall call, ToolContext context) {
    String path = Args.text(call.arguments(), "path", null);
    if (path == null) {
      JsonArray list = new JsonArray();
      roots.roots().forEach(root -> list.add(root.toString()));
      return Tool.done(ToolResult.ok(new JsonObject().put("shared_folders", list)));
    }
    return Blocking.run(context.vertx(), () -> list(roots.existing(path)));
  }

  private ToolResult list(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return ToolResult.error(folder + " is not a folder.");
    }
    JsonArray entries = new JsonArray();
    int total = 0;
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
      for (Path entry : stream) {
        total++;
        if (entries.size() < MAX_ENTRIES) {
          entries.add(describe(entry));
        }
      }
    }
    JsonObject out = new JsonObject().put("path", folder.toString()).put("entries", entries).put("count", total);
    return ToolResult.ok(total > MAX_ENTRIES ? out.put("truncated", true) : out);
  }

  private static JsonObject describe(Path entry) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class,
        LinkOption.NOFOLLOW_LINKS);
    String kind = attributes.isSymbolicLink() ? "link" : attributes.isDirectory() ? "folder"
        : attributes.isRegularFile() ? "file" : "other";
    JsonObject json = new JsonObject().put("name", entry.getFileName().toString()).put("kind", kind);
    if (attributes.isRegularFile()) {
      json.put("size", attributes.size());
    }
    return json.put("modified", attributes.lastModifiedTime().toInstant().toString());
  }
}
