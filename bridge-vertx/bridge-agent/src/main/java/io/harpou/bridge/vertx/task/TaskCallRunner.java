package io.harpou.bridge.vertx.task;

import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolResult;
import io.vertx.core.Future;

/** Runs the tool call of a background task, through the policy and the audit log like any other call. */
@FunctionalInterface
public interface TaskCallRunner {

  /**
   * Runs {@code call} for {@code origin} as task {@code taskId}. {@code approved} is true when the policy already let
   * the call through before it became a task. The tool's progress reports should go to
   * {@link DurableTaskService#progress(String, double, String)} with {@code taskId}. The Future succeeds with the
   * tool's result and fails with {@link io.harpou.bridge.api.agent.PolicyException} when the policy refuses it.
   */
  Future<ToolResult> run(ToolCall call, Utterance origin, boolean approved, String taskId);
}
