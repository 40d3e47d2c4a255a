package io.harpou.bridge.vertx.voice.impl;

import io.harpou.wyoming.WyomingConnection;
import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.WyomingMessage;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A Wyoming connection without a socket: the test hands events to whatever handler the code under test set, and
 * reads what it wrote. Lets a fuzzer drive a session many thousand times a second.
 */
final class RecordingConnection implements WyomingConnection {

  final List<WyomingEvent> written = new ArrayList<>();
  private Handler<WyomingEvent> eventHandler;
  private Handler<Void> closeHandler;
  private boolean closed;

  /** Delivers {@code event} as the connection would; whatever the handler throws reaches the caller. */
  void receive(WyomingEvent event) {
    eventHandler.handle(event);
  }

  @Override
  public WyomingConnection handler(Handler<WyomingEvent> handler) {
    this.eventHandler = handler;
    return this;
  }

  @Override
  public WyomingConnection endHandler(Handler<Void> handler) {
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

  @Override
  public Future<Void> write(WyomingMessage message) {
    if (closed) {
      return Future.failedFuture("closed");
    }
    written.add(message.toEvent());
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> end() {
    return close();
  }

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

  @Override
  public Future<Void> close() {
    if (!closed) {
      closed = true;
      if (closeHandler != null) {
        closeHandler.handle(null);
      }
    }
    return Future.succeededFuture();
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public SocketAddress remoteAddress() {
    return SocketAddress.inetSocketAddress(40000, "127.0.0.1");
  }

  @Override
  public SocketAddress localAddress() {
    return SocketAddress.inetSocketAddress(10700, "127.0.0.1");
  }
}
