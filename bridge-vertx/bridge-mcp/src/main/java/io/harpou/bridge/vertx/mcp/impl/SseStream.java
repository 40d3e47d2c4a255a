package io.harpou.bridge.vertx.mcp.impl;

import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;

/**
 * A server-sent event stream on a Vert.x response. Events are written on the response's event loop, in the order they
 * are sent, whatever thread sends them; once the client is gone, or the stream is ended, further events are dropped.
 */
final class SseStream {

  private final Context context;
  private final HttpServerResponse response;
  private final Runnable onClose;
  private boolean ended;

  /** Opens the stream: status 200 and the event-stream headers, written at once. */
  SseStream(Context context, HttpServerResponse response, Runnable onClose) {
    this.context = context;
    this.response = response;
    this.onClose = onClose;
    response.setChunked(true).putHeader("content-type", "text/event-stream")
        .putHeader("cache-control", "no-cache").putHeader("x-accel-buffering", "no");
    response.closeHandler(v -> end());
    response.writeHead();
  }

  /** Sends one event; {@code data} must hold no line break (JSON as the SDK writes it holds none). */
  void send(String event, String data) {
    context.runOnContext(v -> {
      if (!ended) {
        response.write("event: " + event + "\ndata: " + data + "\n\n");
      }
    });
  }

  /** Ends the stream and the response. */
  void close() {
    context.runOnContext(v -> end());
  }

  private void end() {
    if (ended) {
      return;
    }
    ended = true;
    if (!response.ended() && !response.closed()) {
      response.end();
    }
    onClose.run();
  }
}
