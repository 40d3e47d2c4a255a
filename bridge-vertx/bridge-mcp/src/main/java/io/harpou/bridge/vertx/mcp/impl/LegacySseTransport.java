package io.harpou.bridge.vertx.mcp.impl;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * MCP's older HTTP+SSE transport, for clients that still use it (Home Assistant's MCP client integration among them):
 * {@code GET} on the stream path opens a session whose first event names where to post messages, and every answer
 * comes back on that stream. The stream's end ends the session.
 */
final class LegacySseTransport implements McpServerTransportProvider {

  private static final Logger LOG = LoggerFactory.getLogger(LegacySseTransport.class);

  private final McpJsonMapper json;
  private final SessionTable<McpServerSession> sessions;
  private McpServerSession.Factory factory;
  private String messagePath;

  LegacySseTransport(McpJsonMapper json, int maxSessions, int idleSeconds) {
    this.json = json;
    this.sessions = new SessionTable<>(maxSessions, idleSeconds, s -> s.closeGracefully().subscribe());
  }

  @Override
  public void setSessionFactory(McpServerSession.Factory sessionFactory) {
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

  /** Serves the stream at {@code streamPath} and the messages at {@code postPath}. */
  void mount(Router router, String streamPath, String postPath, Function<RoutingContext, Caller> callers) {
    this.messagePath = postPath;
    router.get(streamPath).handler(ctx -> open(ctx, callers.apply(ctx)));
    router.post(postPath).handler(ctx -> message(ctx, callers.apply(ctx)));
  }

  private void open(RoutingContext ctx, Caller caller) {
    if (!sessions.hasRoom()) {
      RpcErrors.send(ctx, 503, RpcErrors.SERVER_ERROR, "too many MCP sessions are open; close one or retry later");
      return;
    }
    String[] id = { null };
    SseStream stream = new SseStream(Vertx.currentContext(), ctx.response(), () -> {
      if (id[0] != null) {
        sessions.remove(id[0]);
      }
    });
    McpServerSession session = factory.create(new StreamTransport(stream));
    id[0] = session.getId();
    sessions.put(session.getId(), session, caller);
    stream.send("endpoint", messagePath + "?sessionId=" + session.getId());
  }

  private void message(RoutingContext ctx, Caller caller) {
    McpServerSession session = sessions.find(ctx.request().getParam("sessionId"), caller).orElse(null);
    if (session == null) {
      RpcErrors.send(ctx, 404, RpcErrors.SERVER_ERROR, "no such MCP session: open the event stream again");
      return;
    }
    McpSchema.JSONRPCMessage message;
    try {
      message = McpSchema.deserializeJsonRpcMessage(json, ctx.body().asString());
    } catch (Exception e) {
      RpcErrors.send(ctx, 400, RpcErrors.PARSE_ERROR, "the body is not a JSON-RPC message");
      return;
    }
    McpTransportContext context = caller.context();
    session.handle(message).contextWrite(c -> c.put(McpTransportContext.KEY, context))
        .subscribe(null, e -> LOG.debug("MCP message failed: {}", e.toString()));
    ctx.response().setStatusCode(202).end();
  }

  /** A session's way back to its client: the event stream it opened. */
  private final class StreamTransport implements McpServerTransport {

    private final SseStream stream;

    StreamTransport(SseStream stream) {
      this.stream = stream;
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
      return Mono.fromRunnable(() -> {
        try {
          stream.send("message", json.writeValueAsString(message));
        } catch (java.io.IOException e) {
          throw new IllegalStateException("an MCP message could not be written as JSON", e);
        }
      });
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
      return json.convertValue(data, typeRef);
    }

    @Override
    public Mono<Void> closeGracefully() {
      return Mono.fromRunnable(stream::close);
    }

    @Override
    public void close() {
      stream.close();
    }
  }
}
