package io.harpou.bridge.vertx.mcp.impl;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.harpou.bridge.api.event.ComponentStateChanged;
import io.harpou.bridge.api.event.EventPublisher;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.vertx.mcp.McpRemoteServer;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One MCP server as Harpou's client sees it: connected with the official SDK's client over stdio or streamable HTTP,
 * its tools adopted (and replaced whenever it announces a change), checked with a ping every
 * {@code ping_interval_ms} (half a minute by default), and reconnected with a doubling backoff after any failure, its
 * tools unavailable meanwhile. Each change of its state is
 * published as the hub component {@code mcp:<prefix>}, so {@code /health} follows it.
 */
final class RemoteServer {

  private static final Logger LOG = LoggerFactory.getLogger(RemoteServer.class);
  private static final long FIRST_BACKOFF_MS = 1_000;
  private static final long MAX_BACKOFF_MS = 60_000;
  /** The largest HTTP response read from a server, whatever its tool's output is cut to afterwards. */
  private static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

  private final Vertx vertx;
  private final Context context;
  private final McpRemoteServer config;
  private final McpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
  private volatile McpAsyncClient client;
  private volatile List<Tool> tools = List.of();
  private final EventPublisher events;
  private volatile ServerStatus status = ServerStatus.CONNECTING;
  private long backoffMs = FIRST_BACKOFF_MS;
  private long timer = -1;
  private boolean closed;

  RemoteServer(Vertx vertx, McpRemoteServer config) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.config = config;
    this.events = new EventPublisher(vertx);
  }

  String prefix() {
    return config.prefix();
  }

  /** Where the server stands now. */
  ServerStatus status() {
    return status;
  }

  private void status(ServerStatus next) {
    status = next;
    events.publish(new ComponentStateChanged(Instant.now(), "mcp:" + config.prefix(), next.healthState(),
        config.describe() + ": " + next.describe()));
  }

  List<Tool> tools() {
    return tools;
  }

  /** Announces the server as connecting, then connects. */
  void start() {
    status(ServerStatus.CONNECTING);
    connect();
  }

  /** Connects, then lists the tools; a failure schedules the next attempt. */
  private void connect() {
    context.runOnContext(v -> {
      if (closed) {
        return;
      }
      McpAsyncClient connecting;
      try {
        connecting = McpClient.async(transport())
            .requestTimeout(Duration.ofMillis(config.timeoutMs()))
            .initializationTimeout(Duration.ofMillis(Math.max(config.timeoutMs(), 30_000)))
            .clientInfo(new McpSchema.Implementation("harpou", "1"))
            .toolsChangeConsumer(changed -> Mono.fromRunnable(() -> context.runOnContext(x -> changed(changed))))
            .build();
      } catch (RuntimeException e) {
        failed(e);
        return;
      }
      client = connecting;
      onContext(connecting.initialize().then(connecting.listTools()))
          .onSuccess(listed -> {
            backoffMs = FIRST_BACKOFF_MS;
            adopt(listed.tools());
            LOG.info("MCP server {} ({}) connected: {} tools", config.prefix(), config.describe(), tools.size());
            schedule(config.pingIntervalMs(), this::ping);
          })
          .onFailure(this::failed);
    });
  }

  private void ping() {
    McpAsyncClient current = client;
    if (closed || current == null) {
      return;
    }
    onContext(current.ping()).onSuccess(v -> schedule(config.pingIntervalMs(), this::ping))
        .onFailure(this::failed);
  }

  /** Reports a call's failure: a broken link reconnects; an error the server answered changes nothing. */
  void callFailed(Throwable e) {
    if (!(e instanceof io.modelcontextprotocol.spec.McpError)) {
      context.runOnContext(v -> failed(e));
    }
  }

  private void failed(Throwable e) {
    if (closed) {
      return;
    }
    tools = List.of();
    McpAsyncClient broken = client;
    client = null;
    if (broken != null) {
      broken.closeGracefully().subscribe(null, x -> { });
    }
    long delay = backoffMs;
    backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
    status(status.failed(String.valueOf(e.getMessage()), delay));
    LOG.warn("MCP server {} ({}) is unavailable, its tools too; retried in {} s: {}", config.prefix(),
        config.describe(), delay / 1000, e.getMessage());
    schedule(delay, this::connect);
  }

  /**
   * A list the server announced as changed. Taken only once connected: a server may announce tools while the
   * connection is still being set up (server-everything adds some once initialized), and the listing that completes
   * the connection includes them anyway.
   */
  private void changed(List<McpSchema.Tool> listed) {
    if (!closed && status.state().equals("connected")) {
      adopt(listed);
    }
  }

  private void adopt(List<McpSchema.Tool> listed) {
    List<Tool> adopted = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (McpSchema.Tool tool : listed) {
      RemoteTool remote = RemoteTool.of(this, config, tool, json);
      if (remote != null && names.add(remote.name())) {
        adopted.add(remote);
      }
    }
    // Connected before the tools show, so whoever sees them sees the server connected.
    status(status.connected(adopted.size()));
    tools = List.copyOf(adopted);
  }

  /** The connected client, or null while the server is unavailable. */
  McpAsyncClient client() {
    return client;
  }

  private McpClientTransport transport() {
    if (config.url() == null) {
      ServerParameters parameters = ServerParameters.builder(config.command().get(0))
          .args(config.command().subList(1, config.command().size())).env(config.env()).build();
      return new StdioClientTransport(parameters, json);
    }
    URI uri = URI.create(config.url());
    String base = uri.getScheme() + "://" + uri.getRawAuthority();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/mcp" : uri.getRawPath();
    HttpRequest.Builder request = HttpRequest.newBuilder();
    config.headers().forEach(request::header);
    return HttpClientStreamableHttpTransport.builder(base).endpoint(path).jsonMapper(json)
        .requestBuilder(request).connectTimeout(Duration.ofMillis(config.timeoutMs()))
        .maxResponseSize(MAX_RESPONSE_BYTES)
        .build();
  }

  private void schedule(long delayMs, Runnable action) {
    if (closed) {
      return;
    }
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    timer = vertx.setTimer(delayMs, id -> {
      timer = -1;
      action.run();
    });
  }

  /** A Mono's outcome as a Future completed on this server's context. */
  <T> Future<T> onContext(Mono<T> mono) {
    Promise<T> promise = Promise.promise();
    mono.subscribe(value -> context.runOnContext(v -> promise.tryComplete(value)),
        e -> context.runOnContext(v -> promise.tryFail(e)),
        () -> context.runOnContext(v -> promise.tryComplete()));
    return promise.future();
  }

  Future<Void> close() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      closed = true;
      status = status.closed();
      if (timer >= 0) {
        vertx.cancelTimer(timer);
      }
      tools = List.of();
      McpAsyncClient open = client;
      client = null;
      if (open == null) {
        done.complete();
      } else {
        onContext(open.closeGracefully()).onComplete(ar -> done.complete());
      }
    });
    return done.future();
  }
}
