package io.harpou.tools.system.common;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;

/**
 * Runs a tool's blocking work (files, processes, JGit) on a Vert.x worker, and turns what goes wrong into an error
 * result the model can read: a path outside the roots, a missing file, a denied command. Argument errors stay
 * failures, so the policy asks the model for corrected arguments.
 */
public final class Blocking {

  private Blocking() {
  }

  /** Runs {@code work} on a worker (unordered, so one slow call never holds up another). */
  public static Future<ToolResult> run(Vertx vertx, Callable<ToolResult> work) {
    return vertx.executeBlocking(work, false).recover(Blocking::asResult);
  }

  /** The error result for a failure, or the failure itself when it is about the arguments. */
  public static Future<ToolResult> asResult(Throwable e) {
    if (e instanceof ToolArgumentsException) {
      return Future.failedFuture(e);
    }
    if (e instanceof NoSuchFileException missing) {
      return Future.succeededFuture(ToolResult.error("No such file or folder: " + missing.getFile()));
    }
    if (e instanceof AccessDeniedException denied) {
      return Future.succeededFuture(ToolResult.error("Permission denied: " + denied.getFile()));
    }
    return Future.succeededFuture(ToolResult.error(message(e)));
  }

  /** What went wrong, for the model: the message, or the failure's kind when it has none. */
  public static String message(Throwable e) {
    if (e instanceof BridgeException && e.getMessage() != null) {
      return e.getMessage();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
