package io.harpou.wyoming.impl;

import io.harpou.wyoming.WyomingCodec;
import io.harpou.wyoming.WyomingEvent;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/** Encodes one event into one buffer, in the reference writer's key order and spacing. */
public final class EventEncoder {

  private EventEncoder() {
  }

  /**
   * Encodes an event: header line, then data block, then payload.
   *
   * @param event the event
   * @return a new buffer with the whole frame
   */
  public static Buffer encode(WyomingEvent event) {
    byte[] data = event.data().isEmpty() ? null : PythonJson.write(event.data()).getBytes(StandardCharsets.UTF_8);
    Buffer payload = event.payload();
    StringBuilder header = new StringBuilder(96);
    header.append("{\"type\": ");
    PythonJson.writeString(event.type(), header);
    header.append(", \"version\": \"").append(WyomingCodec.PROTOCOL_VERSION).append('"');
    if (data != null) {
      header.append(", \"data_length\": ").append(data.length);
    }
    if (payload != null) {
      header.append(", \"payload_length\": ").append(payload.length());
    }
    header.append("}\n");
    byte[] headerBytes = header.toString().getBytes(StandardCharsets.UTF_8);
    int size = headerBytes.length + (data == null ? 0 : data.length) + (payload == null ? 0 : payload.length());
    Buffer frame = Buffer.buffer(size).appendBytes(headerBytes);
    if (data != null) {
      frame.appendBytes(data);
    }
    if (payload != null) {
      frame.appendBuffer(payload);
    }
    return frame;
  }
}
