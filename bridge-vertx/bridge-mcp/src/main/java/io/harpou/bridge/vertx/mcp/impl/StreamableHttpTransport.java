package io.harpou.bridge.vertx.mcp.impl;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * MCP's streamable HTTP transport on a Vert.x router: {@code POST} carries the client's messages (the answer to a
 * request is an event stream or one JSON body), {@code GET} opens the stream of the server's own messages, and
 * {@code DELETE} ends the session. Sessions are bounded and bound to the caller that opened them.
 */
final class StreamableHttpTransport implements McpStreamableServerTransportProvider {

  private static final Logger LOG = LoggerFactory.getLogger(StreamableHttpTransport.class);
  private static final String SESSION_HEADER = "mcp-session-id";

  private final McpJsonMapper json;
  private final SessionTable<McpStreamableServerSession> sessions;
  private McpStreamableServerSession.Factory factory;

  StreamableHttpTransport(McpJsonMapper json, int maxSessions, int idleSeconds) {
    this.json = json;
    this.sessions = new SessionTable<>(maxSessions, idleSeconds, s -> s.closeGracefully().subscribe());
  }

  @Override
  public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
    this.factory = sessionFactory;
  }

  @Override
  public Mono<Void> notifyClients(String method, Object params) {
    return Flux.fromIterable(sessions.all())
        .flatMap(s -> s.sendNotification(method, params).onErrorResume(e -> Mono.empty()))
        .then();
  }

  @Override
  public Mono<Void> closeGracefully() {
    return Mono.fromRunnable(sessions::clear);
  }

  /** Closes the sessions left unused too long. */
  void sweep() {
    sessions.sweep();
  }

  /** Serves {@code path} on {@code router}; {@code callers} tells who sent each request. */
  void mount(Router router, String path, Function<RoutingContext, Caller> callers) {
    router.post(path).handler(ctx -> post(ctx, callers.apply(ctx)));
    router.get(path).handler(ctx -> listen(ctx, callers.apply(ctx)));
    router.delete(path).handler(ctx -> delete(ctx, callers.apply(ctx)));
  }

  private void post(RoutingContext ctx, Caller caller) {
    McpSchema.JSONRPCMessage message;
    try {
      message = McpSchema.deserializeJsonRpcMessage(json, ctx.body().asString());
    } catch (Exception e) {
      RpcErrors.send(ctx, 400, RpcErrors.PARSE_ERROR, "the body is not a JSON-RPC message");
      return;
    }
    if (message instanceof McpSchema.JSONRPCRequest request && McpSchema.METHOD_INITIALIZE.equals(request.method())) {
      initialize(ctx, caller, request);
      return;
    }
    McpStreamableServerSession session = session(ctx, caller);
    if (session == null) {
      return;
    }
    McpTransportContext context = caller.context();
    if (message instanceof McpSchema.JSONRPCRequest request) {
      boolean sse = accepts(ctx, "text/event-stream");
      Context loop = Vertx.currentContext();
      ResponseTransport answer = new ResponseTransport(json, loop, ctx.response(), sse, () -> { });
      session.responseStream(request, answer)
          .contextWrite(c -> c.put(McpTransportContext.KEY, context))
          .subscribe(null, e -> {
            LOG.debug("MCP request {} failed: {}", request.method(), e.toString());
            answer.close();
          });
      return;
    }
    Mono<Void> accepted = message instanceof McpSchema.JSONRPCResponse response ? session.accept(response)
        : session.accept((McpSchema.JSONRPCNotification) message);
    accepted.contextWrite(c -> c.put(McpTransportContext.KEY, context))
        .subscribe(null, e -> LOG.debug("MCP message refused: {}", e.toString()));
    ctx.response().setStatusCode(202).end();
  }

  private void initialize(RoutingContext ctx, Caller caller, McpSchema.JSONRPCRequest request) {
    if (!sessions.hasRoom()) {
      RpcErrors.send(ctx, 503, RpcErrors.SERVER_ERROR, "too many MCP sessions are open; close one or retry later");
      return;
    }
    McpSchema.InitializeRequest params;
    try {
      params = json.convertValue(request.params(), new TypeRef<McpSchema.InitializeRequest>() { });
    } catch (RuntimeException e) {
      RpcErrors.send(ctx, 400, RpcErrors.INVALID_REQUEST, "initialize needs its parameters");
      return;
    }
    McpStreamableServerSession.McpStreamableServerSessionInit init = factory.startSession(params);
    sessions.put(init.session().getId(), init.session(), caller);
    Context loop = Vertx.currentContext();
    init.initResult().subscribe(result -> loop.runOnContext(v -> {
      String body = encode(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, request.id(), result, null));
      ctx.response().putHeader(SESSION_HEADER, init.session().getId())
          .putHeader("content-type", "application/json").end(body);
    }), e -> loop.runOnContext(v -> {
      sessions.remove(init.session().getId());
      RpcErrors.send(ctx, 500, RpcErrors.SERVER_ERROR, "the session could not start");
    }));
  }

  private void listen(RoutingContext ctx, Caller caller) {
    if (!accepts(ctx, "text/event-stream")) {
      RpcErrors.send(ctx, 406, RpcErrors.INVALID_REQUEST, "accept text/event-stream to listen");
      return;
    }
    McpStreamableServerSession session = session(ctx, caller);
    if (session == null) {
      return;
    }
    McpStreamableServerSession.McpStreamableServerSessionStream[] listening = { null };
    ResponseTransport stream = new ResponseTransport(json, Vertx.currentContext(), ctx.response(), true, () -> {
      if (listening[0] != null) {
        listening[0].close();
      }
    });
    listening[0] = session.listeningStream(stream);
  }

  private void delete(RoutingContext ctx, Caller caller) {
    McpStreamableServerSession session = session(ctx, caller);
    if (session == null) {
      return;
    }
    sessions.remove(session.getId());
    session.delete().subscribe(null, e -> LOG.debug("MCP session end failed: {}", e.toString()));
    ctx.response().setStatusCode(200).end();
  }

  /** The request's session, or null once the request was answered with why there is none. */
  private McpStreamableServerSession session(RoutingContext ctx, Caller caller) {
    String id = ctx.request().getHeader(SESSION_HEADER);
    if (id == null || id.isBlank()) {
      RpcErrors.send(ctx, 400, RpcErrors.SERVER_ERROR, "no mcp-session-id header: initialize first");
      return null;
    }
    McpStreamableServerSession session = sessions.find(id, caller).orElse(null);
    if (session == null) {
      // 404 tells a client its session ended, so it starts a new one.
      RpcErrors.send(ctx, 404, RpcErrors.SERVER_ERROR, "no such MCP session: initialize again");
    }
    return session;
  }

  private String encode(Object message) {
    try {
      return json.writeValueAsString(message);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("an MCP message could not be written as JSON", e);
    }
  }

  private static boolean accepts(RoutingContext ctx, String type) {
    String accept = ctx.request().getHeader("accept");
    return accept != null && accept.contains(type);
  }
}
