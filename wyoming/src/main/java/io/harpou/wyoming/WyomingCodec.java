package io.harpou.wyoming;

import io.harpou.wyoming.impl.EventEncoder;
import io.vertx.core.buffer.Buffer;

/**
 * Encodes Wyoming events to their wire form, byte for byte as the reference Python writer does.
 *
 * <p>The header line carries {@code type}, {@code version}, and {@code data_length} / {@code payload_length} when
 * there is a data block or a payload; the data always travels in the data block, never inline, so header lines stay
 * short. Lengths count UTF-8 bytes. Decoding is incremental; see {@link WyomingDecoder}.
 */
public final class WyomingCodec {

  /** The protocol library version this codec writes in every header, the version whose semantics it follows. */
  public static final String PROTOCOL_VERSION = "1.9.0";

  private WyomingCodec() {
  }

  /**
   * Encodes one message as a single buffer: header line, data block, payload.
   *
   * @param message the message to encode
   * @return a new buffer holding the whole frame
   * @throws WyomingException when the data cannot be written as JSON
   */
  public static Buffer encode(WyomingMessage message) {
    return EventEncoder.encode(message.toEvent());
  }
}
