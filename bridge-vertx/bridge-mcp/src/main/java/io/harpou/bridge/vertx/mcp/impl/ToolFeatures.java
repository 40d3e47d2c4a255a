package io.harpou.bridge.vertx.mcp.impl;

import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.PolicyException;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.bridge.vertx.mcp.McpServerOptions;
import io.harpou.bridge.vertx.mcp.McpServices;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Harpou's tools as MCP tools: the same name, description and JSON Schema, with the hints MCP defines derived from the
 * tool's risk. A call runs through the policy point on the {@code mcp} channel, with the API key's name as the user, so
 * it is judged and audited as the agent's own calls are; a PROTECTED call is confirmed through the client by {@link
 * Confirmations}. DANGEROUS tools are listed only when the options say so, and the policy still decides. The list
 * follows the registry: tools that come and go with Harpou's own MCP servers are added and removed live.
 */
final class ToolFeatures {

  private static final Logger LOG = LoggerFactory.getLogger(ToolFeatures.class);

  private final McpServices services;
  private final McpServerOptions options;
  private final McpJsonMapper json;
  private final Context context;
  private final Confirmations confirmations;
  // What the SDK server offers now, by name; read and changed on the serving context only.
  private final Map<String, ToolSpec> offered = new HashMap<>();

  ToolFeatures(McpServices services, McpServerOptions options, McpJsonMapper json, Context context) {
    this.services = services;
    this.options = options;
    this.json = json;
    this.context = context;
    this.confirmations = new Confirmations(services, options, context);
  }

  /** One MCP tool per Harpou tool offered, as the server starts. */
  List<McpServerFeatures.AsyncToolSpecification> specifications() {
    Map<String, ToolSpec> now = offerable();
    offered.clear();
    offered.putAll(now);
    return now.values().stream().map(this::specification).toList();
  }

  /**
   * Brings {@code server}'s tools to the registry's: removes those gone or changed, adds those new or changed. The
   * SDK announces each change to the connected clients ({@code notifications/tools/list_changed}).
   */
  void refresh(McpAsyncServer server) {
    Map<String, ToolSpec> now = offerable();
    for (Map.Entry<String, ToolSpec> old : List.copyOf(offered.entrySet())) {
      if (!old.getValue().equals(now.get(old.getKey()))) {
        offered.remove(old.getKey());
        server.removeTool(old.getKey()).subscribe(null, e -> LOG.debug("Removing MCP tool {}: {}", old.getKey(),
            e.getMessage()));
      }
    }
    for (ToolSpec spec : now.values()) {
      if (!offered.containsKey(spec.name())) {
        offered.put(spec.name(), spec);
        server.addTool(specification(spec)).subscribe(null, e -> LOG.warn("Offering MCP tool {} failed: {}",
            spec.name(), e.getMessage()));
      }
    }
  }

  private Map<String, ToolSpec> offerable() {
    Map<String, ToolSpec> now = new LinkedHashMap<>();
    services.tools().specs().stream()
        .filter(spec -> spec.risk() != Risk.DANGEROUS || options.isExposeDangerous())
        .forEach(spec -> now.put(spec.name(), spec));
    return now;
  }

  private McpServerFeatures.AsyncToolSpecification specification(ToolSpec spec) {
    McpSchema.Tool tool = McpSchema.Tool.builder()
        .name(spec.name())
        .title(title(spec.name()))
        .description(spec.description())
        .inputSchema(json, spec.parameters().encode())
        .annotations(annotations(spec))
        .build();
    return McpServerFeatures.AsyncToolSpecification.builder()
        .tool(tool)
        .callHandler((exchange, request) -> call(spec, exchange, request))
        .build();
  }

  /**
   * What MCP clients show and decide on before a call: a READ tool reads only; an ACT tool changes the home, but
   * nothing that cannot be changed back; PROTECTED and DANGEROUS tools may do harm.
   */
  static McpSchema.ToolAnnotations annotations(ToolSpec spec) {
    boolean readOnly = spec.risk() == Risk.READ;
    boolean destructive = spec.risk() == Risk.PROTECTED || spec.risk() == Risk.DANGEROUS;
    return new McpSchema.ToolAnnotations(title(spec.name()), readOnly, destructive, readOnly, false, null);
  }

  private Mono<McpSchema.CallToolResult> call(ToolSpec spec, McpAsyncServerExchange exchange,
                                              McpSchema.CallToolRequest request) {
    Caller caller = Caller.of(exchange.transportContext());
    return onContext(() -> {
      JsonObject arguments;
      try {
        arguments = new JsonObject(json.writeValueAsString(request.arguments() == null ? java.util.Map.of()
            : request.arguments()));
      } catch (java.io.IOException | RuntimeException e) {
        return Future.succeededFuture(error("The arguments of " + spec.name() + " are not a JSON object."));
      }
      Utterance asker = new Utterance("MCP call of " + spec.name(), "en", null, Channel.MCP, null, null,
          caller.user());
      return services.gate().execute(ToolCall.of(spec.name(), arguments), asker)
          .map(ToolFeatures::result)
          .recover(e -> {
            if (e instanceof PolicyException policy && policy.confirmationRequired()) {
              return confirmations.ask(exchange, asker, policy.getMessage());
            }
            if (e instanceof PolicyException || e instanceof ToolArgumentsException) {
              return Future.succeededFuture(error(e.getMessage()));
            }
            return Future.succeededFuture(error(spec.name() + " failed: " + e.getMessage()));
          });
    });
  }

  /** Runs {@code work} on the serving context, where the policy point expects its callers, as a Mono. */
  private <T> Mono<T> onContext(Supplier<Future<T>> work) {
    return Mono.defer(() -> {
      Promise<T> promise = Promise.promise();
      context.runOnContext(v -> {
        try {
          work.get().onComplete(promise);
        } catch (RuntimeException e) {
          promise.fail(e);
        }
      });
      return Mono.fromCompletionStage(promise.future().toCompletionStage());
    });
  }

  /** A tool's result as MCP carries it: its text or JSON, and whether it failed. */
  static McpSchema.CallToolResult result(ToolResult result) {
    return McpSchema.CallToolResult.builder()
        .addTextContent(result.content())
        .isError(result.error())
        .build();
  }

  /** A failed call whose message the client shows. */
  static McpSchema.CallToolResult error(String message) {
    return McpSchema.CallToolResult.builder().addTextContent(message).isError(true).build();
  }

  private static String title(String name) {
    String words = name.replace('_', ' ');
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }
}
