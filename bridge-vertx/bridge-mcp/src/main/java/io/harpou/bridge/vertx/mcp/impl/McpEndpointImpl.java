package io.harpou.bridge.vertx.mcp.impl;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.event.ComponentStateChanged;
import io.harpou.bridge.vertx.mcp.McpEndpoint;
import io.harpou.bridge.vertx.mcp.McpServerOptions;
import io.harpou.bridge.vertx.mcp.McpServices;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Mounts the transports, and builds one SDK server per transport over the same features (tools, resources, prompts)
 * when the first MCP request arrives. Sessions left unused are swept once a minute. When one of Harpou's own MCP
 * servers connects, drops or changes its tools (it reports itself as the component {@code mcp:<prefix>}), every
 * server's tool list is brought up to date.
 */
public final class McpEndpointImpl implements McpEndpoint {

  private static final long SWEEP_MS = 60_000;
  private static final String NAME = "harpou";

  private final Vertx vertx;
  private final McpServerOptions options;
  private final McpServices services;
  private final McpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
  private final List<McpAsyncServer> servers = new ArrayList<>();
  private final List<Runnable> refreshes = new ArrayList<>();
  private MessageConsumer<JsonObject> remoteChanges;
  private StreamableHttpTransport streamable;
  private LegacySseTransport legacy;
  private long sweeper = -1;
  private boolean built;

  /** An endpoint for {@code services}; see {@link McpEndpoint#create}. */
  public McpEndpointImpl(Vertx vertx, McpServerOptions options, McpServices services) {
    this.vertx = vertx;
    this.options = options;
    this.services = services;
  }

  @Override
  public void mount(Router router, Function<RoutingContext, Optional<String>> keyName) {
    Context context = vertx.getOrCreateContext();
    Function<RoutingContext, Caller> callers = ctx -> new Caller(keyName.apply(ctx).orElse(""));
    streamable = new StreamableHttpTransport(json, options.getMaxSessions(), options.getSessionIdleSeconds());
    legacy = new LegacySseTransport(json, options.getMaxSessions(), options.getSessionIdleSeconds());
    // The SDK's servers (Reactor and a JSON Schema validator: some 400 classes, and the tools' schemas) are built by
    // the first MCP request, not at start: most hubs are never asked, and the hub answers /health sooner.
    router.route("/mcp*").handler(ctx -> {
      if (!built) {
        built = true;
        servers.add(features(McpServer.async(streamable), context));
        servers.add(features(McpServer.async(legacy), context));
      }
      ctx.next();
    });
    streamable.mount(router, "/mcp", callers);
    legacy.mount(router, "/mcp/sse", "/mcp/message", callers);
    remoteChanges = vertx.eventBus().localConsumer(BridgeAddresses.EVENTS, message -> {
      JsonObject event = message.body();
      if (ComponentStateChanged.KIND.equals(event.getString("kind"))
          && event.getString("component", "").startsWith("mcp:")) {
        context.runOnContext(v -> refreshes.forEach(Runnable::run));
      }
    });
    sweeper = vertx.setPeriodic(SWEEP_MS, id -> {
      streamable.sweep();
      legacy.sweep();
    });
  }

  private McpAsyncServer features(McpServer.AsyncSpecification<?> spec, Context context) {
    ToolFeatures tools = new ToolFeatures(services, options, json, context);
    ResourceFeatures resources = new ResourceFeatures(services, context);
    McpAsyncServer server = spec.serverInfo(NAME, version())
        .jsonMapper(json)
        .instructions("Harpou runs this household's home: its tools act on Home Assistant under the household's"
            + " policy, and protected actions (locks, alarms, garage doors) ask for confirmation.")
        .capabilities(McpSchema.ServerCapabilities.builder().tools(true).resources(false, true).prompts(true)
            .build())
        .tools(tools.specifications())
        .resources(resources.resources())
        .resourceTemplates(resources.templates())
        .prompts(PromptFeatures.prompts())
        .build();
    refreshes.add(() -> tools.refresh(server));
    return server;
  }

  private static String version() {
    String version = McpEndpointImpl.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  @Override
  public Future<Void> close() {
    vertx.cancelTimer(sweeper);
    Future<Void> unregistered = remoteChanges == null ? Future.succeededFuture() : remoteChanges.unregister();
    refreshes.clear();
    List<Future<Void>> closing = servers.stream()
        .map(server -> Future.<Void>fromCompletionStage(server.closeGracefully().toFuture())).toList();
    servers.clear();
    return Future.join(closing).eventually(() -> unregistered).mapEmpty();
  }
}
