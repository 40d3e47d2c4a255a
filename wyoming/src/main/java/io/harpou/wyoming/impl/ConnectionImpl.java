package io.harpou.wyoming.impl;

import io.harpou.wyoming.WyomingConnection;
import io.harpou.wyoming.WyomingDecoder;
import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.WyomingException;
import io.harpou.wyoming.WyomingLimits;
import io.harpou.wyoming.WyomingMessage;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Wyoming connection over a Vert.x {@link NetSocket}; the same class serves the server and the client side. */
public final class ConnectionImpl implements WyomingConnection {

  private static final Logger LOG = LoggerFactory.getLogger(WyomingConnection.class);
  /** The {@code error} code sent before closing a connection whose bytes cannot be framed. */
  public static final String PROTOCOL_ERROR_CODE = "protocol-error";

  private final Vertx vertx;
  private final Context context;
  private final NetSocket socket;
  private final WyomingDecoder decoder;
  private final long frameTimeoutMillis;
  private final ArrayDeque<WyomingEvent> held = new ArrayDeque<>();
  private Handler<WyomingEvent> eventHandler;
  private Handler<Void> closeHandler;
  private Handler<Throwable> exceptionHandler;
  private boolean userPaused;
  private boolean failed;
  private volatile boolean closed;
  private long frameTimer = -1;
  private long lastBytesNanos;

  /**
   * Wraps a socket; call on the socket's event loop before it delivers any bytes.
   *
   * @param vertx the Vert.x instance
   * @param socket the connected socket
   * @param limits the decoder's size limits
   * @param frameTimeoutMillis how long a half-received frame may wait for more bytes
   */
  public ConnectionImpl(Vertx vertx, NetSocket socket, WyomingLimits limits, long frameTimeoutMillis) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.socket = socket;
    this.frameTimeoutMillis = frameTimeoutMillis;
    this.decoder = new EventDecoder(limits, this::onEvent);
    socket.handler(this::onData);
    socket.endHandler(v -> onEnd());
    socket.closeHandler(v -> onClose());
    socket.exceptionHandler(this::report);
  }

  private void onData(Buffer bytes) {
    if (failed) {
      return;
    }
    try {
      decoder.feed(bytes);
    } catch (WyomingException e) {
      protocolError(e);
      return;
    }
    if (decoder.isMidFrame()) {
      lastBytesNanos = System.nanoTime();
      if (frameTimer < 0) {
        frameTimer = vertx.setTimer(frameTimeoutMillis, id -> onFrameTimer());
      }
    } else {
      cancelFrameTimer();
    }
  }

  private void onFrameTimer() {
    frameTimer = -1;
    if (failed || closed || !decoder.isMidFrame()) {
      return;
    }
    long idle = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastBytesNanos);
    if (idle >= frameTimeoutMillis) {
      protocolError(new WyomingException("no bytes for " + idle + " ms in the middle of a frame"));
    } else {
      frameTimer = vertx.setTimer(frameTimeoutMillis - idle, id -> onFrameTimer());
    }
  }

  private void cancelFrameTimer() {
    if (frameTimer >= 0) {
      vertx.cancelTimer(frameTimer);
      frameTimer = -1;
    }
  }

  private void onEvent(WyomingEvent event) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("Wyoming {} <- {}", event.type(), socket.remoteAddress());
    }
    if (eventHandler == null || !held.isEmpty()) {
      held.add(event);
      socket.pause();
      return;
    }
    deliver(event);
  }

  private void deliver(WyomingEvent event) {
    if (closed) {
      return;
    }
    try {
      eventHandler.handle(event);
    } catch (RuntimeException e) {
      report(e);
    }
  }

  private void flushHeld() {
    while (!held.isEmpty() && eventHandler != null) {
      deliver(held.poll());
    }
    if (held.isEmpty() && !userPaused && !failed) {
      socket.resume();
    }
  }

  private void protocolError(WyomingException e) {
    failed = true;
    cancelFrameTimer();
    LOG.warn("Closing Wyoming connection from {}: {}", socket.remoteAddress(), e.getMessage());
    report(e);
    JsonObject data = new JsonObject().put("text", e.getMessage()).put("code", PROTOCOL_ERROR_CODE);
    socket.end(EventEncoder.encode(WyomingEvent.of("error", data)));
  }

  private void onEnd() {
    try {
      decoder.end();
    } catch (WyomingException e) {
      LOG.warn("Wyoming connection from {} ended: {}", socket.remoteAddress(), e.getMessage());
      report(e);
    }
  }

  private void onClose() {
    closed = true;
    cancelFrameTimer();
    Handler<Void> handler = closeHandler;
    if (handler != null) {
      try {
        handler.handle(null);
      } catch (RuntimeException e) {
        LOG.warn("Wyoming close handler failed", e);
      }
    }
  }

  private void report(Throwable t) {
    Handler<Throwable> handler = exceptionHandler;
    if (handler == null) {
      LOG.debug("Wyoming connection {} error with no exception handler", socket.remoteAddress(), t);
      return;
    }
    try {
      handler.handle(t);
    } catch (RuntimeException e) {
      LOG.warn("Wyoming exception handler failed", e);
    }
  }

  @Override
  public WyomingConnection eventHandler(Handler<WyomingEvent> handler) {
    this.eventHandler = handler;
    if (handler != null && !held.isEmpty()) {
      context.runOnContext(v -> flushHeld());
    }
    return this;
  }

  @Override
  public WyomingConnection closeHandler(Handler<Void> handler) {
    this.closeHandler = handler;
    return this;
  }

  @Override
  public WyomingConnection exceptionHandler(Handler<Throwable> handler) {
    this.exceptionHandler = handler;
    return this;
  }

  @Override
  public Future<Void> write(WyomingMessage message) {
    Buffer frame;
    WyomingEvent event;
    try {
      event = message.toEvent();
      frame = EventEncoder.encode(event);
    } catch (RuntimeException e) {
      return Future.failedFuture(e instanceof WyomingException ? e : new WyomingException(e.getMessage(), e));
    }
    if (closed) {
      return Future.failedFuture(new WyomingException("connection closed, " + event.type() + " not sent"));
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("Wyoming {} -> {}", event.type(), socket.remoteAddress());
    }
    return socket.write(frame);
  }

  @Override
  public boolean writeQueueFull() {
    return socket.writeQueueFull();
  }

  @Override
  public WyomingConnection drainHandler(Handler<Void> handler) {
    socket.drainHandler(handler);
    return this;
  }

  @Override
  public WyomingConnection pause() {
    userPaused = true;
    socket.pause();
    return this;
  }

  @Override
  public WyomingConnection resume() {
    userPaused = false;
    if (held.isEmpty()) {
      socket.resume();
    } else if (eventHandler != null) {
      context.runOnContext(v -> flushHeld());
    }
    return this;
  }

  @Override
  public Future<Void> close() {
    return socket.close();
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public SocketAddress remoteAddress() {
    return socket.remoteAddress();
  }

  @Override
  public SocketAddress localAddress() {
    return socket.localAddress();
  }
}
