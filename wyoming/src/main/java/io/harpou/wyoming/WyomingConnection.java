package io.harpou.wyoming;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.streams.WriteStream;

/**
 * One Wyoming connection, the same on both sides: events flow in and out, full duplex, with no request ids. It is a
 * Vert.x {@link ReadStream} of the events it receives and a {@link WriteStream} of the events it sends, so
 * {@link ReadStream#pipeTo} and back-pressure work as with any Vert.x stream; {@link #write(WyomingMessage)} sends a
 * typed message.
 *
 * <p>Handlers run on the connection's event loop. Events that arrive before a {@link #handler(Handler)} is set, or
 * while the stream is paused or has no demand, are held (and the socket paused) until they can be delivered. A frame
 * that breaks the protocol (bad framing, a length over the limits, a frame not complete within the frame timeout of
 * its first byte) closes the connection: an {@code error} event with code {@code protocol-error} is sent first, the
 * reason is logged and passed to the {@link #exceptionHandler(Handler)}. A server's connection idle beyond its idle
 * timeout (no whole event received or sent) is closed the same way with code {@code idle-timeout}. While a server's
 * write queue to a peer is full, no further events are read from that peer, so answers it does not read cannot pile
 * up; if it stays so, the connection is closed as idle. The stream ends when the connection closes: the
 * {@link #endHandler(Handler)} is called then, or as soon as it is set if the connection closed first. Events still
 * held at the close are dropped, since nothing can be answered on a closed connection.
 */
public interface WyomingConnection extends ReadStream<WyomingEvent>, WriteStream<WyomingEvent> {

  /**
   * Sets the handler of incoming events.
   *
   * @param handler called on the event loop with each event; exceptions it throws go to the exception handler
   * @return this connection
   */
  @Override
  WyomingConnection handler(Handler<WyomingEvent> handler);

  /**
   * Sets the handler called once when no more events will arrive: the connection has closed.
   *
   * @param endHandler the handler
   * @return this connection
   */
  @Override
  WyomingConnection endHandler(Handler<Void> endHandler);

  /**
   * Sets the handler called once when the connection has closed, for whatever reason.
   *
   * @param handler the handler
   * @return this connection
   */
  WyomingConnection closeHandler(Handler<Void> handler);

  /**
   * Sets the handler of errors: protocol violations, socket errors and exceptions thrown by the event handler.
   *
   * @param handler the handler
   * @return this connection
   */
  @Override
  WyomingConnection exceptionHandler(Handler<Throwable> handler);

  /**
   * Writes one message as a single frame, so messages from several callers never interleave.
   *
   * @param message the event or typed message
   * @return a future completed once the frame is written to the socket; failed with {@link WyomingException} when
   *     the message cannot be encoded, or with the socket's error when the connection is closed
   */
  Future<Void> write(WyomingMessage message);

  /**
   * Writes one event as a single frame, as {@link #write(WyomingMessage)} does.
   *
   * @param event the event
   * @return a future completed once the frame is written to the socket
   */
  @Override
  default Future<Void> write(WyomingEvent event) {
    return write((WyomingMessage) event);
  }

  /**
   * Closes the connection once what was written has been sent.
   *
   * @return a future completed when the socket is closed
   */
  @Override
  Future<Void> end();

  /**
   * Tells whether the socket's write queue is full; a bulk sender should then wait for {@link #drainHandler}, as a
   * {@link io.vertx.core.streams.Pipe} does.
   *
   * @return {@code true} when writes should pause
   */
  @Override
  boolean writeQueueFull();

  /**
   * Sets how many bytes the socket's write queue holds before {@link #writeQueueFull()} says so.
   *
   * @param maxSize the size in bytes
   * @return this connection
   */
  @Override
  WyomingConnection setWriteQueueMaxSize(int maxSize);

  /**
   * Sets the handler called when a full write queue has drained.
   *
   * @param handler the handler
   * @return this connection
   */
  @Override
  WyomingConnection drainHandler(Handler<Void> handler);

  /**
   * Stops delivering events; the socket stops being read, so the peer is slowed down by TCP flow control.
   *
   * @return this connection
   */
  @Override
  WyomingConnection pause();

  /**
   * Resumes delivering events after {@link #pause()}.
   *
   * @return this connection
   */
  @Override
  WyomingConnection resume();

  /**
   * Asks for {@code amount} more events while paused; reading stops again once they are delivered.
   *
   * @param amount how many more events to deliver
   * @return this connection
   */
  @Override
  WyomingConnection fetch(long amount);

  /**
   * Closes the connection.
   *
   * @return a future completed when the socket is closed
   */
  Future<Void> close();

  /**
   * Tells whether the connection has closed.
   *
   * @return {@code true} once closed
   */
  boolean isClosed();

  /**
   * Returns the peer's address.
   *
   * @return the remote address
   */
  SocketAddress remoteAddress();

  /**
   * Returns this side's address.
   *
   * @return the local address
   */
  SocketAddress localAddress();
}
