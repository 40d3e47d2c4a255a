package io.harpou.tools.system.git;

import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.system.common.Args;
import io.harpou.tools.system.common.Blocking;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;

/**
 * The git tools over the repositories named in the {@code git.repositories} section ({@code {"name": "/path"}}),
 * with JGit: no {@code git} program runs, so no hook, alias or configured helper of a repository executes. A
 * repository is reached by its configured name only.
 */
public final class GitTools {

  /** One git operation on an opened repository, run on a worker. */
  interface Operation {
    ToolResult run(Git git, JsonObject arguments) throws Exception;
  }

  private GitTools() {
  }

  /** Builds the tools; none when no repository is configured. */
  public static List<Tool> create(JsonObject git) {
    Map<String, Path> repositories = new LinkedHashMap<>();
    git.getJsonObject("repositories", new JsonObject()).forEach(entry ->
        repositories.put(entry.getKey(), Path.of(String.valueOf(entry.getValue())).toAbsolutePath().normalize()));
    if (repositories.isEmpty()) {
      return List.of();
    }
    List<String> names = new ArrayList<>(repositories.keySet());
    return List.of(
        new GitTool(GitSpecs.status(names), repositories, GitReads::status),
        new GitTool(GitSpecs.diff(names), repositories, GitReads::diff),
        new GitTool(GitSpecs.log(names), repositories, GitReads::log),
        new GitTool(GitSpecs.branch(names), repositories, GitReads::branches),
        new GitTool(GitSpecs.pull(names), repositories, GitPull::pull));
  }

  /** A tool running one operation on the named repository. */
  private record GitTool(ToolSpec spec, Map<String, Path> repositories, Operation operation) implements Tool {

    @Override
    public Future<ToolResult> call(ToolCall call, ToolContext context) {
      String name = Args.text(call.arguments(), "repository");
      Path folder = repositories.get(name);
      if (folder == null) {
        throw new ToolArgumentsException("'repository' must be one of " + repositories.keySet());
      }
      return Blocking.run(context.vertx(), () -> {
        try (Git git = Git.open(folder.toFile())) {
          return operation.run(git, call.arguments());
        }
      });
    }
  }
}
