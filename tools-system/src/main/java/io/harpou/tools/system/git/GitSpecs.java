package io.harpou.tools.system.git;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.system.common.Schema;
import java.util.List;

/** What the model is told about each git tool. */
final class GitSpecs {

  private GitSpecs() {
  }

  private static Schema repository(List<String> names) {
    return Schema.object().choice("repository", "which repository", names, true);
  }

  static ToolSpec status(List<String> names) {
    return new ToolSpec("git_status", "Tells a repository's branch, how far it is ahead of or behind its upstream,"
        + " and which files are changed, staged or untracked.", repository(names).build(), Risk.READ, false);
  }

  static ToolSpec diff(List<String> names) {
    return new ToolSpec("git_diff", "Shows the uncommitted changes of a repository as a unified diff.",
        repository(names).string("path", "only this file or folder", false)
            .bool("staged", "the staged changes instead of the working tree's").build(), Risk.READ, false);
  }

  static ToolSpec log(List<String> names) {
    return new ToolSpec("git_log", "Lists a repository's latest commits: id, author, date and message.",
        repository(names).integer("limit", "how many commits (default 10)", 1, 100, false)
            .string("path", "only commits touching this file or folder", false).build(), Risk.READ, false);
  }

  static ToolSpec branch(List<String> names) {
    return new ToolSpec("git_branch", "Lists a repository's branches and tells which one is checked out.",
        repository(names).build(), Risk.READ, false);
  }

  static ToolSpec pull(List<String> names) {
    return new ToolSpec("git_pull", "Pulls a repository's upstream into its current branch, fast-forward only.",
        repository(names).build(), Risk.ACT, true);
  }
}
