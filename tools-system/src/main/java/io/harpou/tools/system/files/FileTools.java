package io.harpou.tools.system.files;

import io.harpou.bridge.api.tool.Tool;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The file tools over the roots of the {@code files} section; none when no root is configured. */
public final class FileTools {

  private FileTools() {
  }

  /** Builds the tools from the {@code files} section. */
  public static List<Tool> create(JsonObject files) {
    FileRoots roots = new FileRoots(files);
    if (roots.isEmpty()) {
      return List.of();
    }
    int readMax = files.getInteger("read_max_bytes", ReadFileTool.DEFAULT_MAX_BYTES);
    int writeMax = files.getInteger("write_max_bytes", WriteFileTool.DEFAULT_MAX_BYTES);
    return List.of(new ReadFileTool(roots, readMax), new WriteFileTool(roots, writeMax), new ListDirectoryTool(roots),
        new SearchFilesTool(roots), new FileInfoTool(roots), new DeletePathTool(roots));
  }
}
