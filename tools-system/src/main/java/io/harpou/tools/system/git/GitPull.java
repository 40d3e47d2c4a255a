package io.harpou.tools.system.git;

import io.harpou.bridge.api.tool.ToolResult;
import io.vertx.core.json.JsonObject;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.PullResult;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * Pulls fast-forward only, so a pull never writes a merge commit of its own; a branch that has diverged is left as
 * it was and the model is told so. The fetch has a timeout.
 */
final class GitPull {

  static final int TIMEOUT_SECONDS = 120;

  private GitPull() {
  }

  static ToolResult pull(Git git, JsonObject arguments) throws GitAPIException, java.io.IOException {
    PullResult result = git.pull().setFastForward(MergeCommand.FastForwardMode.FF_ONLY)
        .setTimeout(TIMEOUT_SECONDS).call();
    if (!result.isSuccessful()) {
      String why = result.getMergeResult() == null ? "the fetch failed"
          : "the branch has diverged from its upstream (" + result.getMergeResult().getMergeStatus() + ")";
      return ToolResult.error("Nothing was pulled: " + why + ".");
    }
    JsonObject json = new JsonObject().put("branch", git.getRepository().getBranch())
        .put("source", String.valueOf(result.getFetchedFrom()));
    if (result.getMergeResult() != null) {
      json.put("outcome", result.getMergeResult().getMergeStatus().toString().toLowerCase(java.util.Locale.ROOT))
          .put("head", String.valueOf(result.getMergeResult().getNewHead() == null ? null
              : result.getMergeResult().getNewHead().abbreviate(10).name()));
    }
    return ToolResult.ok(json);
  }
}
