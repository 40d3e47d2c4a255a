package io.harpou.tools.system.files;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolArgumentsException;
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
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a text file inside the roots atomically: the content goes to a temporary file beside the target, is synced,
 * then renamed over it, so a reader sees the old file or the new one, never half of it.
 */
final class WriteFileTool implements Tool {

  /** Largest content accepted by default. */
  static final int DEFAULT_MAX_BYTES = 1024 * 1024;

  private static final ToolSpec SPEC = new ToolSpec("write_file",
      "Writes (creates or replaces) a text file in the household's shared folders. The folder must exist.",
      Schema.object().string("path", "the file to write", true).string("content", "the whole new content", true)
          .build(), Risk.ACT, false);

  private final FileRoots roots;
  private final int maxBytes;

  WriteFileTool(FileRoots roots, int maxBytes) {
    this.roots = roots;
    this.maxBytes = maxBytes;
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public Future<ToolResult> call(ToolCall call, ToolContext context) {
    String path = Args.text(call.arguments(), "path");
    Object content = call.arguments().getValue("content");
    if (!(content instanceof String text)) {
      throw new ToolArgumentsException("'content' is required and must be a string");
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > maxBytes) {
      return Tool.done(ToolResult.error("The content is " + bytes.length + " bytes; at most " + maxBytes
          + " may be written at once."));
    }
    return Blocking.run(context.vertx(), () -> write(roots.writable(path), bytes));
  }

  private ToolResult write(Path target, byte[] bytes) throws IOException {
    if (Files.isDirectory(target) || roots.isRoot(target)) {
      return ToolResult.error(target + " is a folder; give a file name.");
    }
    Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".harpou-tmp");
    try {
      // A temporary file is private (rw-------): give the new file the permissions the old one had.
      Files.setPosixFilePermissions(temporary, Files.exists(target) ? Files.getPosixFilePermissions(target)
          : PosixFilePermissions.fromString("rw-r--r--"));
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
    return ToolResult.ok(new JsonObject().put("path", target.toString()).put("bytes", bytes.length));
  }
}
