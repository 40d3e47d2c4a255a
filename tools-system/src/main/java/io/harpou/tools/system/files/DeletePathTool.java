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
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Deletes a file or a folder with everything in it, inside the roots; never a root itself. PROTECTED: the household
 * confirms the exact path first. Links inside the folder are removed as links; what they point to is left alone.
 */
final class DeletePathTool implements Tool {

  private static final ToolSpec SPEC = new ToolSpec("delete_path",
      "Deletes a file, or a folder and everything in it, from the household's shared folders (for example a cache"
          + " filling a disk). The household is asked to confirm first.",
      Schema.object().string("path", "the file or folder to delete", true).build(), Risk.PROTECTED, false);

  private final FileRoots roots;

  DeletePathTool(FileRoots roots) {
    this.roots = roots;
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public String confirmation(ToolCall call, String language) {
    String path = roots.lexical(call.arguments().getString("path", ""));
    return language.startsWith("fr")
        ? "Supprimer " + path + " (et tout son contenu si c'est un dossier) ? Dites oui pour confirmer."
        : "Delete " + path + " (and everything in it, if it is a folder)? Say yes to confirm.";
  }

  @Override
  public Future<ToolResult> call(ToolCall call, ToolContext context) {
    String path = Args.text(call.arguments(), "path");
    return Blocking.run(context.vertx(), () -> delete(roots.existing(path)));
  }

  private ToolResult delete(Path real) throws IOException {
    if (roots.isRoot(real)) {
      return ToolResult.error(real + " is a shared folder itself and cannot be deleted.");
    }
    long[] counts = {0, 0};
    Files.walkFileTree(real, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        if (attributes.isRegularFile()) {
          counts[0]++;
          counts[1] += attributes.size();
        }
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path folder, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(folder);
        return FileVisitResult.CONTINUE;
      }
    });
    return ToolResult.ok(new JsonObject().put("deleted", real.toString()).put("files", counts[0])
        .put("bytes_freed", counts[1]));
  }
}
