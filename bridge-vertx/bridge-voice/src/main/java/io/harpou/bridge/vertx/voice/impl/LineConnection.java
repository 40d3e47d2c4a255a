package io.harpou.bridge.vertx.voice.impl;

import io.harpou.bridge.api.voice.SatelliteLines;
import io.harpou.wyoming.WyomingConnection;
import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.WyomingException;
import io.harpou.wyoming.WyomingMessage;
import io.harpou.wyoming.message.Audio;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.net.SocketAddress;

/**
 * The Wyoming connection of a {@link SatelliteLines} line: what the satellite session writes goes to the line's
 * listener (audio chunks as raw audio, every other event as its type and data), so the session runs as it does over
 * a socket. Events from the line reach the session directly ({@link SatelliteSession#handle}), so the read side has
 * nothing to deliver. Used on voice's event loop only.
 */
final class LineConnection implements WyomingConnection {

  private final SatelliteLines.Listener listener;
  private final SocketAddress peer;
  private boolean closed;
  private Handler<Void> closeHandler;
  private Handler<Void> endHandler;

  LineConnection(SatelliteLines.Listener listener, String peerAddress) {
    this.listener = listener;
    this.peer = SocketAddress.inetSocketAddress(0, peerAddress);
  }

  @Override
  public Future<Void> write(WyomingMessage message) {
    if (closed) {
      return Future.failedFuture(new WyomingException("the line is closed"));
    }
    WyomingEvent event = message.toEvent();
    if (Audio.AudioChunk.TYPE.equals(event.type())) {
      return listener.audio(Audio.AudioChunk.fromEvent(event).audio());
    }
    listener.event(event.type(), event.data());
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> close() {
    if (!closed) {
      closed = true;
      listener.closed();
      if (endHandler != null) {
        endHandler.handle(null);
      }
      if (closeHandler != null) {
        closeHandler.handle(null);
      }
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> end() {
    return close();
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public SocketAddress remoteAddress() {
    return peer;
  }

  @Override
  public SocketAddress localAddress() {
    return null;
  }

  @Override
  public WyomingConnection handler(Handler<WyomingEvent> handler) {
    return this;
  }

  @Override
  public WyomingConnection endHandler(Handler<Void> handler) {
    this.endHandler = handler;
    return this;
  }

  @Override
  public WyomingConnection closeHandler(Handler<Void> handler) {
    this.closeHandler = handler;
    return this;
  }

  @Override
  public WyomingConnection exceptionHandler(Handler<Throwable> handler) {
    return this;
  }

  // An answer is seconds of audio, which the line's own transport queues (and bounds): nothing waits here.
  @Override
  public boolean writeQueueFull() {
    return false;
  }

  @Override
  public WyomingConnection setWriteQueueMaxSize(int maxSize) {
    return this;
  }

  @Override
  public WyomingConnection drainHandler(Handler<Void> handler) {
    return this;
  }

  @Override
  public WyomingConnection pause() {
    return this;
  }

  @Override
  public WyomingConnection resume() {
    return this;
  }

  @Override
  public WyomingConnection fetch(long amount) {
    return this;
  }
}
