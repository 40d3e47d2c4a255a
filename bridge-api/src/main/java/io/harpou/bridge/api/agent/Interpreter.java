package io.harpou.bridge.api.agent;

import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolGate;
import io.vertx.core.Future;

/**
 * A step tried before the LLM, such as the local intent matcher. It answers only when confident and acts only through
 * the {@link ToolGate}, so the policy and the audit apply to it exactly as to the model.
 */
public interface Interpreter {

  /** A short, stable identifier used in configuration and events. */
  String id();

  /**
   * Interprets one utterance. The Future succeeds with {@link Interpretation#notMine()} when the interpreter is not
   * confident; it fails only on a bug, which the agent treats as "not mine".
   */
  Future<Interpretation> interpret(Utterance utterance, ToolContext context, ToolGate tools);
}
