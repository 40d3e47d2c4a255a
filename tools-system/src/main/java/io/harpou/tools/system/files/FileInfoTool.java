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
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/** Describes one file or folder inside the roots: kind, size, times, owner, permissions and content type. */
final class FileInfoTool implements Tool {

  private static final ToolSpec SPEC = new ToolSpec("file_info",
      "Tells the size, kind, owner, permissions, content type and modification time of a file or folder in the"
          + " household's shared folders.",
      Schema.object().string("path", "the file or folder", true).build(), Risk.READ, false);

  private final FileRoots roots;

  FileInfoTool(FileRoots roots) {
    this.roots = roots;
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public Future<ToolResult> call(ToolCall call, ToolContext context) {
    String path = Args.text(call.arguments(), "path");
    return Blocking.run(context.vertx(), () -> describe(roots.existing(path)));
  }

  private static ToolResult describe(Path real) throws IOException {
    PosixFileAttributes attributes = Files.readAttributes(real, PosixFileAttributes.class);
    JsonObject json = new JsonObject().put("path", real.toString())
        .put("kind", attributes.isDirectory() ? "folder" : attributes.isRegularFile() ? "file" : "other")
        .put("size", attributes.size())
        .put("modified", attributes.lastModifiedTime().toInstant().toString())
        .put("owner", attributes.owner().getName())
        .put("group", attributes.group().getName())
        .put("permissions", PosixFilePermissions.toString(attributes.permissions()));
    if (attributes.isRegularFile()) {
      json.put("content_type", String.valueOf(Files.probeContentType(real)));
    }
    return ToolResult.ok(json);
  }
}
