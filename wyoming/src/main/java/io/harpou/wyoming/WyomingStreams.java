package io.harpou.wyoming;

import io.harpou.wyoming.impl.MessageSource;
import io.vertx.core.streams.ReadStream;
import java.util.Iterator;

/** Streams of Wyoming events for {@link ReadStream#pipeTo}ing into a {@link WyomingConnection}. */
public final class WyomingStreams {

  private WyomingStreams() {
  }

  /**
   * A stream of the messages {@code messages} yields, each taken only when the stream has demand, so a long answer
   * (audio in chunks) is made no faster than the connection sends it. To send it and keep the connection open:
   * {@code WyomingStreams.of(messages).pipe().endOnComplete(false).to(connection)}.
   *
   * <p>Events are emitted on the thread that asks for them (the pipe's: the connection's event loop); the stream ends
   * when the iterator has no more, and an exception the iterator throws fails it.
   *
   * @param messages the messages, in order; read lazily and only once
   * @return a paused-until-piped stream of their events
   */
  public static ReadStream<WyomingEvent> of(Iterator<? extends WyomingMessage> messages) {
    return new MessageSource(messages);
  }
}
