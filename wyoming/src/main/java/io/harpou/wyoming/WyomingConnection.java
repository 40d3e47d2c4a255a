package io.harpou.wyoming;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.net.SocketAddress;

/**
 * One Wyoming connection, the same on both sides: events flow in and out, full duplex, with no request ids.
 *
 * <p>Handlers run on the connection's event loop. Events that arrive before an {@link #eventHandler(Handler)} is
 * set are held (and the socket paused) until one is. A frame that breaks the protocol (bad framing, a length over
 * the limits, a frame not complete within the frame timeout of its first byte) closes the connection: an
 * {@code error} event with code {@code protocol-error} is sent first, the reason is logged and passed to the
 * {@link #exceptionHandler(Handler)}. A server's connection idle beyond its idle timeout (no whole event received
 * or sent) is closed the same way with code {@code idle-timeout}. While a server's write queue to a peer is full,
 * no further events are read from that peer, so answers it does not read cannot pile up; if it stays so, the
 * connection is closed as idle.
 */
public interface WyomingConnection {

  /**
   * Sets the handler of incoming events.
   *
   * @param handler called on the event loop with each event; exceptions it throws go to the exception handler
   * @return this connection
   */
  WyomingConnection eventHandler(Handler<WyomingEvent> handler);

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
   * Tells whether the socket's write queue is full; a bulk sender should then wait for {@link #drainHandler}.
   *
   * @return {@code true} when writes should pause
   */
  boolean writeQueueFull();

  /**
   * Sets the handler called when a full write queue has drained.
   *
   * @param handler the handler
   * @return this connection
   */
  WyomingConnection drainHandler(Handler<Void> handler);

  /**
   * Stops reading from the socket; the peer is slowed down by TCP flow control.
   *
   * @return this connection
   */
  WyomingConnection pause();

  /**
   * Resumes reading after {@link #pause()}.
   *
   * @return this connection
   */
  WyomingConnection resume();

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
