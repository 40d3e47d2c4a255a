package io.harpou.bridge.vertx.mcp.impl;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import reactor.core.publisher.Mono;

/**
 * The answer to one streamable-HTTP POST: a server-sent event stream when the client accepts one, so requests the
 * server makes meanwhile (a confirmation question) reach it before the response, else a single JSON body holding the
 * response alone.
 */
final class ResponseTransport implements McpStreamableServerTransport {

  private final McpJsonMapper json;
  private final Context context;
  private final HttpServerResponse response;
  private final SseStream stream;

  /** Opens the answer on {@code response}; {@code onClose} runs when it ends, whoever ends it. */
  ResponseTransport(McpJsonMapper json, Context context, HttpServerResponse response, boolean sse,
                    Runnable onClose) {
    this.json = json;
    this.context = context;
    this.response = response;
    if (sse) {
      this.stream = new SseStream(context, response, onClose);
    } else {
      this.stream = null;
      response.closeHandler(v -> onClose.run());
    }
  }

  @Override
  public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
    return sendMessage(message, null);
  }

  @Override
  public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, String messageId) {
    return Mono.fromRunnable(() -> {
      String text = encode(message);
      if (stream != null) {
        stream.send("message", text);
      } else if (message instanceof McpSchema.JSONRPCResponse) {
        context.runOnContext(v -> {
          if (!response.ended() && !response.closed()) {
            response.putHeader("content-type", "application/json").end(text);
          }
        });
      }
    });
  }

  private String encode(McpSchema.JSONRPCMessage message) {
    try {
      return json.writeValueAsString(message);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("an MCP message could not be written as JSON", e);
    }
  }

  @Override
  public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
    return json.convertValue(data, typeRef);
  }

  @Override
  public Mono<Void> closeGracefully() {
    return Mono.fromRunnable(this::close);
  }

  @Override
  public void close() {
    if (stream != null) {
      stream.close();
    } else {
      context.runOnContext(v -> {
        if (!response.ended() && !response.closed()) {
          response.setStatusCode(202).end();
        }
      });
    }
  }
}
