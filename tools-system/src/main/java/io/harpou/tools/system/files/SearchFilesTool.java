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
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Finds files under a folder inside the roots by name (a glob) and, optionally, by a piece of text they contain.
 * Links are never followed, and the walk, the matches and the bytes read are all bounded.
 */
final class SearchFilesTool implements Tool {

  static final int MAX_VISITED = 50_000;
  static final int MAX_MATCHES = 100;
  static final int MAX_CONTENT_BYTES = 1024 * 1024;

  private static final ToolSpec SPEC = new ToolSpec("search_files",
      "Finds files in the household's shared folders by name pattern (a glob such as *.yaml or **/*.log) and"
          + " optionally by text they contain.",
      Schema.object().string("path", "the folder to search; the first shared folder when omitted", false)
          .string("glob", "file name pattern, for example *.yaml; every file when omitted", false)
          .string("contains", "text the file must contain (case-insensitive)", false).build(), Risk.READ, false);

  private final FileRoots roots;

  SearchFilesTool(FileRoots roots) {
    this.roots = roots;
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public Future<ToolResult> call(ToolCall call, ToolContext context) {
    String path = Args.text(call.arguments(), "path", roots.roots().get(0).toString());
    String glob = Args.text(call.arguments(), "glob", "**");
    String contains = Args.text(call.arguments(), "contains", null);
    PathMatcher matcher;
    try {
      // A glob without a folder part matches file names anywhere; one with a slash matches relative paths.
      matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    } catch (IllegalArgumentException e) {
      throw new ToolArgumentsException("'glob' is not a valid pattern: " + e.getMessage());
    }
    boolean byName = !glob.contains("/");
    return Blocking.run(context.vertx(), () -> search(roots.existing(path), matcher, byName,
        contains == null ? null : contains.toLowerCase(Locale.ROOT)));
  }

  private static ToolResult search(Path folder, PathMatcher matcher, boolean byName, String contains)
      throws IOException {
    JsonArray matches = new JsonArray();
    int[] visited = {0};
    boolean[] stopped = {false};
    Files.walkFileTree(folder, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        if (++visited[0] > MAX_VISITED || matches.size() >= MAX_MATCHES) {
          stopped[0] = true;
          return FileVisitResult.TERMINATE;
        }
        if (!attributes.isRegularFile()) {
          return FileVisitResult.CONTINUE;
        }
        Path relative = folder.relativize(file);
        if (matcher.matches(byName ? file.getFileName() : relative)
            && (contains == null || contains(file, contains))) {
          matches.add(new JsonObject().put("path", file.toString()).put("size", attributes.size()));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        return FileVisitResult.CONTINUE;
      }
    });
    JsonObject out = new JsonObject().put("folder", folder.toString()).put("matches", matches);
    return ToolResult.ok(stopped[0] ? out.put("truncated", true) : out);
  }

  private static boolean contains(Path file, String needle) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(MAX_CONTENT_BYTES);
    }
    String text = ReadFileTool.TextDetection.decode(head, true);
    return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
  }
}
