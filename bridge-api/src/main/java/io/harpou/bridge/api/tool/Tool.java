package io.harpou.bridge.api.tool;

import io.vertx.core.Future;

/**
 * Something the agent can do. Tools are stateless towards the turn: everything they need about who asked and what
 * they may reach comes in the {@link ToolContext}.
 */
public interface Tool {

  /** Describes the tool to the model and to the policy. */
  ToolSpec spec();

  /**
   * Runs one call. The Future completes on the Vert.x context the caller runs on; it should succeed with an
   * {@link ToolResult#error error result} for any failure the model can understand (an unknown entity, a device that
   * refused), and fail only with {@link ToolArgumentsException} when the arguments do not fit the schema.
   */
  Future<ToolResult> call(ToolCall call, ToolContext context);

  /**
   * True when every effect of this tool is a service call made through {@link ToolContext#home()}. The policy then
   * judges a PROTECTED tool's calls once the tool has resolved them: it runs the tool with a home that holds back the
   * service calls, asks about exactly those (the entities and services the tool chose), and on "yes" sends exactly
   * those. A tool with other effects (files, the announcer, its own devices) keeps the default, and the policy asks
   * about the call as the model or the interpreter made it before running the tool at all.
   */
  default boolean actsThroughHome() {
    return false;
  }

  /**
   * The question the policy asks before a PROTECTED call of this tool runs, in {@code language} ("Restart the
   * container nextcloud? Say yes to confirm."), naming exactly what {@code call} will do; null lets the policy phrase
   * it from the tool's name and arguments. Called on the event loop: it must not block.
   */
  default String confirmation(ToolCall call, String language) {
    return null;
  }

  /** Convenience: the spec's name. */
  default String name() {
    return spec().name();
  }

  /** Convenience for tools that finish at once. */
  static Future<ToolResult> done(ToolResult result) {
    return Future.succeededFuture(result);
  }
}
