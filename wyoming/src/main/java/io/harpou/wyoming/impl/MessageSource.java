package io.harpou.wyoming.impl;

import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.WyomingMessage;
import io.vertx.core.Handler;
import io.vertx.core.streams.ReadStream;
import java.util.Iterator;
import java.util.Objects;

/** A {@link ReadStream} over an iterator of messages: each is converted and emitted only while there is demand. */
public final class MessageSource implements ReadStream<WyomingEvent> {

  private final Iterator<? extends WyomingMessage> messages;
  private Handler<WyomingEvent> handler;
  private Handler<Void> endHandler;
  private Handler<Throwable> exceptionHandler;
  private long demand = Long.MAX_VALUE;
  private boolean emitting;
  private boolean ended;

  /**
   * Streams {@code messages}.
   *
   * @param messages the messages, read lazily
   */
  public MessageSource(Iterator<? extends WyomingMessage> messages) {
    this.messages = Objects.requireNonNull(messages, "messages");
  }

  @Override
  public MessageSource handler(Handler<WyomingEvent> handler) {
    this.handler = handler;
    emit();
    return this;
  }

  @Override
  public MessageSource endHandler(Handler<Void> endHandler) {
    this.endHandler = endHandler;
    return this;
  }

  @Override
  public MessageSource exceptionHandler(Handler<Throwable> handler) {
    this.exceptionHandler = handler;
    return this;
  }

  @Override
  public MessageSource pause() {
    demand = 0;
    return this;
  }

  @Override
  public MessageSource resume() {
    return fetch(Long.MAX_VALUE);
  }

  @Override
  public MessageSource fetch(long amount) {
    if (amount < 0) {
      throw new IllegalArgumentException("fetch takes a positive amount, got " + amount);
    }
    demand = amount == Long.MAX_VALUE || Long.MAX_VALUE - demand < amount ? Long.MAX_VALUE : demand + amount;
    emit();
    return this;
  }

  /** Emits while there is demand; a call from inside the handler (a fetch) is served by the running emission. */
  private void emit() {
    if (emitting || ended || handler == null) {
      return;
    }
    emitting = true;
    try {
      while (demand > 0 && handler != null && messages.hasNext()) {
        if (demand != Long.MAX_VALUE) {
          demand--;
        }
        handler.handle(messages.next().toEvent());
      }
      if (handler != null && !messages.hasNext()) {
        ended = true;
        if (endHandler != null) {
          endHandler.handle(null);
        }
      }
    } catch (RuntimeException e) {
      ended = true;
      if (exceptionHandler != null) {
        exceptionHandler.handle(e);
      }
    } finally {
      emitting = false;
    }
  }
}
