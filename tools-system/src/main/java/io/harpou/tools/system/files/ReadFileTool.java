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
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a text file inside the roots, up to a size cap; a binary file is described, never dumped. */
final class ReadFileTool implements Tool {

  /** Bytes read at most by default. */
  static final int DEFAULT_MAX_BYTES = 256 * 1024;

  private static final ToolSpec SPEC = new ToolSpec("read_file",
      "Reads a text file from the household's shared folders. Paths are absolute inside a shared folder or relative"
          + " to the first one.",
      Schema.object().string("path", "the file to read", true).build(), Risk.READ, false);

  private final FileRoots roots;
  private final int maxBytes;

  ReadFileTool(FileRoots roots, int maxBytes) {
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
    return Blocking.run(context.vertx(), () -> read(roots.existing(path)));
  }

  private ToolResult read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return ToolResult.error(file + " is not a file; use list_directory for folders.");
    }
    long size = Files.size(file);
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(maxBytes);
    }
    boolean cut = size > head.length;
    String text = TextDetection.decode(head, cut);
    if (text == null) {
      return ToolResult.ok(new JsonObject().put("path", file.toString()).put("size", size).put("binary", true)
          .put("type", String.valueOf(Files.probeContentType(file))));
    }
    JsonObject out = new JsonObject().put("path", file.toString()).put("size", size).put("content", text);
    return ToolResult.ok(cut ? out.put("truncated", true).put("shown_bytes", head.length) : out);
  }

  /** Tells text from binary: no NUL byte, and valid UTF-8 (a sequence cut at the cap's edge allowed). */
  static final class TextDetection {

    private TextDetection() {
    }

    /** The text, or null when the bytes are binary. */
    static String decode(byte[] bytes, boolean cut) {
      for (byte b : bytes) {
        if (b == 0) {
          return null;
        }
      }
      int end = bytes.length;
      // A multi-byte character cut by the cap is not a sign of binary content: drop its leading bytes.
      if (cut) {
        int back = 0;
        while (back < 3 && end - back > 0 && (bytes[end - back - 1] & 0xC0) == 0x80) {
          back++;
        }
        int lead = end - back - 1;
        if (lead >= 0 && (bytes[lead] & 0xC0) == 0xC0) {
          int expected = (bytes[lead] & 0xE0) == 0xC0 ? 2 : (bytes[lead] & 0xF0) == 0xE0 ? 3 : 4;
          if (back + 1 < expected) {
            end = lead;
          }
        }
      }
      try {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, end)).toString();
      } catch (CharacterCodingException e) {
        return null;
      }
    }
  }
}
