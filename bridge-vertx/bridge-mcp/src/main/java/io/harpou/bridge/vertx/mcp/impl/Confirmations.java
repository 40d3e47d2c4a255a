package io.harpou.bridge.vertx.mcp.impl;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.vertx.mcp.McpServerOptions;
import io.harpou.bridge.vertx.mcp.McpServices;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Confirms a PROTECTED call through the MCP client: the policy's own question ("Unlock the front door?") is put to
 * the person by MCP elicitation, and only an accepted answer with {@code confirm: true} says "yes" to the agent, as
 * the same asker in the same conversation, so exactly what the policy held runs, audited as any confirmation. A client
 * that cannot ask, a declined or cancelled question and one left unanswered all leave nothing done, and say so.
 */
final class Confirmations {

  private static final Map<String, Object> SCHEMA = Map.of(
      "type", "object",
      "properties", Map.of("confirm", Map.of("type", "boolean", "title", "Confirm",
          "description", "true to run exactly the action described")),
      "required", List.of("confirm"));

  private final McpServices services;
  private final McpServerOptions options;
  private final Context context;

  Confirmations(McpServices services, McpServerOptions options, Context context) {
    this.services = services;
    this.options = options;
    this.context = context;
  }

  /** Asks the client to confirm {@code question} for {@code asker}; the result says what was done. */
  Future<McpSchema.CallToolResult> ask(McpAsyncServerExchange exchange, Utterance asker, String question) {
    Agent agent = services.agent().orElse(null);
    McpSchema.ClientCapabilities capabilities = exchange.getClientCapabilities();
    if (capabilities == null || capabilities.elicitation() == null || agent == null) {
      return Future.succeededFuture(ToolFeatures.error(question.replace(" Say yes to confirm.", "")
          + " This needs a confirmation that this MCP client cannot ask for (it does not support elicitation), so"
          + " nothing was done."));
    }
    McpSchema.ElicitRequest request = McpSchema.ElicitRequest.builder()
        .message(question.replace(" Say yes to confirm.", ""))
        .requestedSchema(SCHEMA)
        .build();
    Promise<McpSchema.ElicitResult> answered = Promise.promise();
    exchange.createElicitation(request)
        .timeout(Duration.ofMillis(options.getConfirmationTimeoutMs()))
        .subscribe(answer -> context.runOnContext(v -> answered.tryComplete(answer)),
            e -> context.runOnContext(v -> answered.tryFail(e)));
    return answered.future().transform(ar -> {
      if (ar.failed()) {
        return Future.succeededFuture(ToolFeatures.error("No confirmation came, so nothing was done."));
      }
      McpSchema.ElicitResult answer = ar.result();
      boolean yes = answer.action() == McpSchema.ElicitResult.Action.ACCEPT && answer.content() != null
          && Boolean.TRUE.equals(answer.content().get("confirm"));
      if (!yes) {
        // Settles the waiting confirmation, so nothing can run it later.
        return agent.ask(asker.withText("no"))
            .map(reply -> ToolFeatures.error("Not confirmed, so nothing was done."));
      }
      return agent.ask(asker.withText("yes")).map(Confirmations::result);
    });
  }

  private static McpSchema.CallToolResult result(Reply reply) {
    return McpSchema.CallToolResult.builder().addTextContent(reply.speech())
        .isError(reply.type() == Reply.Type.ERROR).build();
  }
}
