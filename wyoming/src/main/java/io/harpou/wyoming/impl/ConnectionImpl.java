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
import io.vertx.core.internal.net.NetSocketInternal;
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
  /** The {@code error} code sent before closing a connection that stayed idle too long. */
  public static final String IDLE_TIMEOUT_CODE = "idle-timeout";
  /** How long the {@code error} event that ends a connection may take to reach the peer before it is cut. */
  private static final long CLOSE_GRACE_MILLIS = 1_000;

  private final Vertx vertx;
  private final Context context;
  private final NetSocket socket;
  private final WyomingDecoder decoder;
  private final long frameTimeoutMillis;
  /** Null on a client's connection. */
  private final ServerSide serverSide;
  private final ArrayDeque<WyomingEvent> held = new ArrayDeque<>();
  private Handler<WyomingEvent> eventHandler;
  private Handler<Void> endHandler;
  private Handler<Void> closeHandler;
  private Handler<Throwable> exceptionHandler;
  private Handler<Void> drainHandler;
  /** How many more events the reader wants: {@link Long#MAX_VALUE} while flowing, 0 while paused. */
  private long demand = Long.MAX_VALUE;
  /** Reading stopped because the peer does not read what is written to it. */
  private boolean writePaused;
  private boolean failed;
  private volatile boolean closed;
  /** The connection closed and no end handler has heard of it yet. */
  private boolean endPending;
  private long eventsRead;
  private long frameTimer = -1;
  /** {@link #eventsRead} when the frame timer was set: the frame it times is the one after that many events. */
  private long frameTimerEvents;
  private long idleTimer = -1;
  private long lastEventNanos = System.nanoTime();

  /**
   * Wraps a socket; call on the socket's event loop before it delivers any bytes.
   *
   * @param vertx the Vert.x instance
   * @param socket the connected socket
   * @param limits the decoder's size limits
   * @param frameTimeoutMillis how long a frame may take from its first byte to its last
   * @param serverSide what a server adds to the connections it accepts, or null on a client
   */
  ConnectionImpl(Vertx vertx, NetSocket socket, WyomingLimits limits, long frameTimeoutMillis,
      ServerSide serverSide) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.socket = socket;
    this.frameTimeoutMillis = frameTimeoutMillis;
    this.serverSide = serverSide;
    this.decoder = new EventDecoder(limits, this::onEvent);
    socket.handler(this::onData);
    socket.endHandler(v -> onEnd());
    socket.closeHandler(v -> onClose());
    socket.exceptionHandler(this::report);
    socket.drainHandler(v -> onDrain());
    if (serverSide != null) {
      idleTimer = vertx.setTimer(serverSide.idleTimeoutMillis(), id -> onIdleTimer());
    }
  }

  private void onData(Buffer bytes) {
    if (failed) {
      return;
    }
    try {
      decoder.feed(bytes);
    } catch (WyomingException e) {
      closeWith(PROTOCOL_ERROR_CODE, e);
      return;
    }
    if (!decoder.isMidFrame()) {
      cancelFrameTimer();
    } else if (frameTimer < 0 || frameTimerEvents != eventsRead) {
      // A new frame started in these bytes. Its deadline counts from now and does not move as more bytes trickle
      // in, so a peer sending a byte now and then cannot hold the connection and a partial frame for ever.
      cancelFrameTimer();
      frameTimerEvents = eventsRead;
      frameTimer = vertx.setTimer(frameTimeoutMillis, id -> onFrameTimer());
    }
  }

  private void onFrameTimer() {
    frameTimer = -1;
    if (failed || closed || !decoder.isMidFrame()) {
      return;
    }
    if (pausedHere()) {
      // The rest of the frame waits in the socket because this side stopped reading: not the peer's fault.
      frameTimer = vertx.setTimer(frameTimeoutMillis, id -> onFrameTimer());
      return;
    }
    closeWith(PROTOCOL_ERROR_CODE, new WyomingException("a frame did not complete within " + frameTimeoutMillis
        + " ms of its first byte"));
  }

  private void cancelFrameTimer() {
    if (frameTimer >= 0) {
      vertx.cancelTimer(frameTimer);
      frameTimer = -1;
    }
  }

  private void onIdleTimer() {
    idleTimer = -1;
    if (failed || closed) {
      return;
    }
    long idleTimeoutMillis = serverSide.idleTimeoutMillis();
    long idle = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastEventNanos);
    if (idle < idleTimeoutMillis || pausedHere() || (decoder.isMidFrame() && !writePaused)) {
      // Busy, or a frame is arriving (the frame timer watches that): look again one timeout after the last event.
      long wait = idle < idleTimeoutMillis ? idleTimeoutMillis - idle : idleTimeoutMillis;
      idleTimer = vertx.setTimer(wait, id -> onIdleTimer());
      return;
    }
    closeWith(IDLE_TIMEOUT_CODE, new WyomingException(writePaused
        ? "the peer read nothing of what was sent to it for " + idleTimeoutMillis + " ms"
        : "no event in either direction for " + idleTimeoutMillis + " ms"));
  }

  /** True when this side, not the peer, stopped the reading: the application paused or has no handler yet. */
  private boolean pausedHere() {
    return demand == 0 || eventHandler == null;
  }

  private void onDrain() {
    if (writePaused) {
      writePaused = false;
      flushHeld();
    }
    Handler<Void> handler = drainHandler;
    if (handler != null) {
      handler.handle(null);
    }
  }

  private void onEvent(WyomingEvent event) {
    eventsRead++;
    lastEventNanos = System.nanoTime();
    if (LOG.isDebugEnabled()) {
      LOG.debug("Wyoming {} <- {}", event.type(), socket.remoteAddress());
    }
    if (eventHandler == null || !held.isEmpty() || writePaused || demand == 0) {
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
    if (demand != Long.MAX_VALUE && --demand == 0) {
      socket.pause();
    }
    try {
      eventHandler.handle(event);
    } catch (RuntimeException e) {
      report(e);
    }
  }

  private void flushHeld() {
    while (!held.isEmpty() && eventHandler != null && !writePaused && demand > 0) {
      deliver(held.poll());
    }
    if (held.isEmpty() && demand > 0 && !writePaused && !failed) {
      socket.resume();
    }
  }

  /** Sends an {@code error} event with the reason and closes: the stream cannot go on. */
  private void closeWith(String code, WyomingException e) {
    failed = true;
    cancelFrameTimer();
    cancelIdleTimer();
    LOG.warn("Closing Wyoming connection from {}: {}", socket.remoteAddress(), e.getMessage());
    report(e);
    JsonObject data = new JsonObject().put("text", e.getMessage()).put("code", code);
    socket.end(EventEncoder.encode(WyomingEvent.of("error", data)));
    // Vert.x closes a socket only once its writes are flushed, so a peer that reads nothing would keep it open for
    // ever: past the grace, close the channel itself, dropping what it never read.
    vertx.setTimer(CLOSE_GRACE_MILLIS, id -> {
      if (!closed) {
        if (socket instanceof NetSocketInternal internal) {
          // From Vert.x's handler context, the close skips that handler, which would queue it behind the writes.
          internal.channelHandlerContext().close();
        } else {
          socket.close();
        }
      }
    });
  }

  private void cancelIdleTimer() {
    if (idleTimer >= 0) {
      vertx.cancelTimer(idleTimer);
      idleTimer = -1;
    }
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
    cancelIdleTimer();
    if (serverSide != null) {
      serverSide.released().run();
    }
    // No event follows a close: the stream has ended. Events still held are dropped: nothing can be answered on a
    // closed connection, and a peer must not be able to queue work it does not wait for.
    held.clear();
    endPending = true;
    endIfPending();
    notify(closeHandler, "close");
  }

  /** Tells the end handler that the stream has ended, once, as soon as there is one. */
  private void endIfPending() {
    Handler<Void> handler = endHandler;
    if (endPending && handler != null) {
      endPending = false;
      notify(handler, "end");
    }
  }

  private static void notify(Handler<Void> handler, String which) {
    if (handler != null) {
      try {
        handler.handle(null);
      } catch (RuntimeException e) {
        LOG.warn("Wyoming {} handler failed", which, e);
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
  public WyomingConnection handler(Handler<WyomingEvent> handler) {
    this.eventHandler = handler;
    if (handler != null && !held.isEmpty()) {
      context.runOnContext(v -> flushHeld());
    }
    return this;
  }

  @Override
  public WyomingConnection endHandler(Handler<Void> handler) {
    this.endHandler = handler;
    if (handler != null && endPending) {
      // Closed before anyone listened (a peer that answers and hangs up at once): the end still reaches a late
      // reader, so a pipe or collect set up after the close completes.
      context.runOnContext(v -> endIfPending());
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
    lastEventNanos = System.nanoTime();
    Future<Void> written = socket.write(frame);
    if (serverSide != null && !writePaused && socket.writeQueueFull()) {
      // Answers the peer does not read would pile up without bound: take no more requests until they drain.
      writePaused = true;
      socket.pause();
    }
    return written;
  }

  @Override
  public Future<Void> end() {
    return socket.end();
  }

  @Override
  public boolean writeQueueFull() {
    return socket.writeQueueFull();
  }

  @Override
  public WyomingConnection setWriteQueueMaxSize(int maxSize) {
    socket.setWriteQueueMaxSize(maxSize);
    return this;
  }

  @Override
  public WyomingConnection drainHandler(Handler<Void> handler) {
    this.drainHandler = handler;
    return this;
  }

  @Override
  public WyomingConnection pause() {
    demand = 0;
    socket.pause();
    return this;
  }

  @Override
  public WyomingConnection resume() {
    return fetch(Long.MAX_VALUE);
  }

  @Override
  public WyomingConnection fetch(long amount) {
    if (amount < 0) {
      throw new IllegalArgumentException("fetch takes a positive amount, got " + amount);
    }
    demand = amount == Long.MAX_VALUE || Long.MAX_VALUE - demand < amount ? Long.MAX_VALUE : demand + amount;
    if (held.isEmpty()) {
      if (!writePaused && demand > 0) {
        socket.resume();
      }
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
