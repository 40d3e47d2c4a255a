package io.harpou.tools.system.docker;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Reads Docker's multiplexed output stream: frames of an 8-byte header (stream type, three zero bytes, a big-endian
 * payload length) followed by the payload; headers and payloads may be split across chunks. Payload bytes pass
 * through as they arrive, so a frame claiming gigabytes costs no memory. A TTY container's stream is raw.
 */
final class StreamDemultiplexer {

  private final OutputStream out;
  private final boolean raw;
  private final byte[] header = new byte[8];
  private int headerFilled;
  private long payloadLeft;

  StreamDemultiplexer(OutputStream out, boolean raw) {
    this.out = out;
    this.raw = raw;
  }

  void accept(Buffer chunk) {
    byte[] bytes = chunk.getBytes();
    try {
      if (raw) {
        out.write(bytes);
        return;
      }
      int offset = 0;
      while (offset < bytes.length) {
        if (payloadLeft > 0) {
          int take = (int) Math.min(payloadLeft, bytes.length - offset);
          out.write(bytes, offset, take);
          offset += take;
          payloadLeft -= take;
        } else {
          header[headerFilled++] = bytes[offset++];
          if (headerFilled == 8) {
            headerFilled = 0;
            payloadLeft = ((header[4] & 0xFFL) << 24) | ((header[5] & 0xFFL) << 16) | ((header[6] & 0xFFL) << 8)
                | (header[7] & 0xFFL);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
