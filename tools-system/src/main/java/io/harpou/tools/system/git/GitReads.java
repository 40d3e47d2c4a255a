package io.harpou.tools.system.git;

import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.tools.system.common.Args;
import io.harpou.tools.system.common.CappedOutput;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.Collection;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.BranchTrackingStatus;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;

/** The read-only git operations. */
final class GitReads {

  static final int DIFF_BYTES = 64 * 1024;
  static final int MAX_FILES = 200;

  private GitReads() {
  }

  static ToolResult status(Git git, JsonObject arguments) throws GitAPIException, IOException {
    Status status = git.status().call();
    String branch = git.getRepository().getBranch();
    JsonObject json = new JsonObject().put("branch", branch).put("clean", status.isClean())
        .put("modified", files(status.getModified())).put("changed", files(status.getChanged()))
        .put("added", files(status.getAdded())).put("removed", files(status.getRemoved()))
        .put("missing", files(status.getMissing())).put("untracked", files(status.getUntracked()))
        .put("conflicting", files(status.getConflicting()));
    BranchTrackingStatus tracking = BranchTrackingStatus.of(git.getRepository(), branch);
    if (tracking != null) {
      json.put("upstream", tracking.getRemoteTrackingBranch()).put("ahead", tracking.getAheadCount())
          .put("behind", tracking.getBehindCount());
    }
    return ToolResult.ok(json);
  }

  static ToolResult diff(Git git, JsonObject arguments) throws GitAPIException {
    CappedOutput out = new CappedOutput(DIFF_BYTES);
    var command = git.diff().setOutputStream(out).setCached(Args.bool(arguments, "staged", false));
    String path = Args.text(arguments, "path", null);
    if (path != null) {
      command.setPathFilter(org.eclipse.jgit.treewalk.filter.PathFilter.create(path));
    }
    command.call();
    String text = out.text();
    return ToolResult.ok(new JsonObject().put("diff", text.isEmpty() ? "(no changes)" : text)
        .put("truncated", out.truncated()));
  }

  static ToolResult log(Git git, JsonObject arguments) throws GitAPIException, IOException {
    var command = git.log().setMaxCount(Args.integer(arguments, "limit", 10, 1, 100));
    String path = Args.text(arguments, "path", null);
    if (path != null) {
      command.addPath(path);
    }
    if (git.getRepository().resolve("HEAD") == null) {
      return ToolResult.ok(new JsonObject().put("commits", new JsonArray()));
    }
    JsonArray commits = new JsonArray();
    for (RevCommit commit : command.call()) {
      commits.add(new JsonObject().put("id", commit.getId().abbreviate(10).name())
          .put("author", commit.getAuthorIdent().getName())
          .put("date", commit.getAuthorIdent().getWhenAsInstant().toString())
          .put("message", commit.getShortMessage()));
    }
    return ToolResult.ok(new JsonObject().put("commits", commits));
  }

  static ToolResult branches(Git git, JsonObject arguments) throws GitAPIException, IOException {
    JsonArray list = new JsonArray();
    for (Ref ref : git.branchList().call()) {
      list.add(org.eclipse.jgit.lib.Repository.shortenRefName(ref.getName()));
    }
    return ToolResult.ok(new JsonObject().put("current", git.getRepository().getBranch()).put("branches", list));
  }

  private static JsonArray files(Collection<String> names) {
    JsonArray out = new JsonArray();
    names.stream().sorted().limit(MAX_FILES).forEach(out::add);
    return out;
  }
}
