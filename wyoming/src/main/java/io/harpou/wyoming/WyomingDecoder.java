package io.harpou.wyoming;

import io.harpou.wyoming.impl.EventDecoder;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;

/**
 * An incremental Wyoming decoder: feed it bytes exactly as the network delivers them, split or coalesced, and it
 * calls its handler once per complete event, in order.
 *
 * <p>It is not thread-safe; feed it from one thread (a connection's event loop). After a protocol error it is
 * failed for good, since the stream can no longer be framed.
 */
public interface WyomingDecoder {

  /**
   * Creates a decoder.
   *
   * @param limits the size limits, checked before any bytes of an over-sized frame are buffered
   * @param handler called with each decoded event on the thread that calls {@link #feed(Buffer)}
   * @return a new decoder
   */
  static WyomingDecoder create(WyomingLimits limits, Handler<WyomingEvent> handler) {
    return new EventDecoder(limits, handler);
  }

  /**
   * Consumes bytes, calling the handler for every event they complete.
   *
   * @param bytes the next bytes of the stream; the decoder copies what it keeps
   * @throws WyomingException when the bytes break the framing (bad header, bad length, limit exceeded); the
   *     decoder is then failed and rejects further input
   */
  void feed(Buffer bytes);

  /**
   * Tells whether the decoder holds part of a frame (a header without its newline, or a frame whose data or payload
   * has not fully arrived).
   *
   * @return {@code true} in the middle of a frame
   */
  boolean isMidFrame();

  /**
   * Signals the end of the stream.
   *
   * @throws WyomingException when the stream ended in the middle of a frame
   */
  void end();
}
