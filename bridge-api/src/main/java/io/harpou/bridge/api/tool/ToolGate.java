package io.harpou.bridge.api.tool;

import io.harpou.bridge.api.agent.Utterance;
import io.vertx.core.Future;

/**
 * Runs tool calls through the policy and the audit log: the one place where risk is checked. Interpreters and the
 * agent loop both act through it, so nothing reaches the home without passing the policy.
 */
public interface ToolGate {

  /**
   * Runs {@code call} on behalf of {@code utterance}. The Future succeeds with the tool's result: an error result
   * for an unknown tool, a failing or timed-out tool, or, when the call runs long and becomes a background task, a
   * result whose JSON says {@code "status": "started"} with the {@code task_id}. It fails with {@link
   * ToolArgumentsException} when the arguments do not fit the tool's parameter schema (or the tool itself rejects
   * them), so the caller can ask for corrected ones, and with {@link io.harpou.bridge.api.agent.PolicyException}
   * when the policy refuses the call or wants a confirmation first.
   */
  Future<ToolResult> execute(ToolCall call, Utterance utterance);
}
