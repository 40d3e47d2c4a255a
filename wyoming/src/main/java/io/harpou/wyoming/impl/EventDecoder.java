package io.harpou.wyoming.impl;

import io.harpou.wyoming.WyomingDecoder;
import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.WyomingException;
import io.harpou.wyoming.WyomingLimits;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;

/**
 * The decoder's state machine: header line, then {@code data_length} bytes of data, then {@code payload_length}
 * bytes of payload. Limits are checked as soon as a header announces a length, so an over-sized frame is refused
 * before any of its body is kept.
 */
public final class EventDecoder implements WyomingDecoder {

  private enum State { HEADER, DATA, PAYLOAD, FAILED }

  private static final int SCAN_WINDOW = 256;

  private final WyomingLimits limits;
  private final Handler<WyomingEvent> handler;
  private State state = State.HEADER;
  /** Bytes received but not yet consumed, owned by this decoder; null when there are none. */
  private Buffer pending;
  /** How many bytes at the start of {@link #pending} were already searched for a newline. */
  private int scanned;
  private String type;
  private JsonObject data;
  private int dataLength;
  private int payloadLength;
  private WyomingEvent completed;
  private Buffer partialPayload;

  /**
   * Creates a decoder.
   *
   * @param limits the size limits
   * @param handler receives each event
   */
  public EventDecoder(WyomingLimits limits, Handler<WyomingEvent> handler) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  @Override
  public void feed(Buffer bytes) {
    if (state == State.FAILED) {
      throw new WyomingException("the stream could not be framed earlier; no more input is accepted");
    }
    Buffer buf;
    if (pending == null) {
      buf = bytes;
    } else {
      pending.appendBuffer(bytes);
      buf = pending;
    }
    int end = buf.length();
    int pos = 0;
    try {
      while (pos < end) {
        int consumed = step(buf, pos, end);
        if (consumed < 0) {
          break;
        }
        pos = consumed;
        if (completed != null) {
          // Delivered only once the position has moved past the frame, so a throwing handler loses nothing.
          WyomingEvent event = completed;
          completed = null;
          handler.handle(event);
        }
      }
    } catch (WyomingException e) {
      fail();
      throw e;
    } finally {
      if (state != State.FAILED) {
        keep(buf, bytes, pos, end);
      }
    }
  }

  /** Consumes one segment if it is complete; returns the new position, or -1 when more bytes are needed. */
  private int step(Buffer buf, int pos, int end) {
    switch (state) {
      case HEADER:
        return readHeader(buf, pos, end);
      case DATA:
        if (end - pos < dataLength) {
          return -1;
        }
        JsonObject block = parseObject(buf.getBytes(pos, pos + dataLength), 0, dataLength, "data block");
        data = data == null ? block : data.mergeIn(block);
        pos += dataLength;
        if (payloadLength > 0) {
          state = State.PAYLOAD;
          return pos;
        }
        emit(null);
        return pos;
      case PAYLOAD:
        return readPayload(buf, pos, end);
      default:
        throw new IllegalStateException(state.name());
    }
  }

  private int readPayload(Buffer buf, int pos, int end) {
    int available = end - pos;
    if (partialPayload == null) {
      if (available >= payloadLength) {
        int next = pos + payloadLength;
        emit(buf.getBuffer(pos, next));
        return next;
      }
      // Collect a payload that spans reads in its own buffer, so each byte is copied once rather than re-copied
      // with every read; it grows with what arrives, never ahead of it.
      partialPayload = Buffer.buffer(Math.min(payloadLength, 64 * 1024));
    }
    int need = payloadLength - partialPayload.length();
    if (available < need) {
      partialPayload.appendBuffer(buf, pos, available);
      return end;
    }
    partialPayload.appendBuffer(buf, pos, need);
    Buffer payload = partialPayload;
    partialPayload = null;
    emit(payload);
    return pos + need;
  }

  private int readHeader(Buffer buf, int pos, int end) {
    // Scan in small copied windows: one bulk copy beats a bounds-checked getByte per byte, and a typical header
    // (under 128 bytes) is then parsed straight from the first window.
    int newline = -1;
    byte[] window = null;
    int windowStart = pos + scanned;
    while (newline < 0 && windowStart < end) {
      int windowEnd = Math.min(end, windowStart + SCAN_WINDOW);
      window = buf.getBytes(windowStart, windowEnd);
      for (int k = 0; k < window.length; k++) {
        if (window[k] == '\n') {
          newline = windowStart + k;
          break;
        }
      }
      if (newline < 0) {
        windowStart = windowEnd;
      }
    }
    int lineEnd = newline < 0 ? end : newline;
    if (lineEnd > pos && buf.getByte(lineEnd - 1) == '\r') {
      lineEnd--;
    }
    if (lineEnd - pos > limits.maxHeaderLineBytes()) {
      throw new WyomingException("header line longer than " + limits.maxHeaderLineBytes() + " bytes");
    }
    if (newline < 0) {
      scanned = end - pos;
      return -1;
    }
    scanned = 0;
    JsonObject header = windowStart == pos
        ? parseObject(window, 0, lineEnd - pos, "header")
        : parseObject(buf.getBytes(pos, lineEnd), 0, lineEnd - pos, "header");
    if (!(header.getValue("type") instanceof String t) || t.isBlank()) {
      throw new WyomingException("header has no string \"type\"");
    }
    type = t;
    data = header.getValue("data") instanceof JsonObject inline ? inline : null;
    dataLength = length(header, "data_length", limits.maxDataBytes());
    payloadLength = length(header, "payload_length", limits.maxPayloadBytes());
    if (dataLength > 0) {
      state = State.DATA;
    } else if (payloadLength > 0) {
      state = State.PAYLOAD;
    } else {
      emit(null);
    }
    return newline + 1;
  }

  private static int length(JsonObject header, String key, int max) {
    Object value = header.getValue(key);
    if (value == null) {
      return 0;
    }
    if (!(value instanceof Integer || value instanceof Long || value instanceof BigInteger)) {
      throw new WyomingException("\"" + key + "\" is not an integer");
    }
    BigInteger length = value instanceof BigInteger b ? b : BigInteger.valueOf(((Number) value).longValue());
    if (length.signum() < 0) {
      throw new WyomingException("\"" + key + "\" is negative: " + length);
    }
    if (length.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new WyomingException("\"" + key + "\" of " + length + " bytes exceeds the limit of " + max);
    }
    return length.intValue();
  }

  private static JsonObject parseObject(byte[] bytes, int offset, int length, String what) {
    Object parsed;
    try {
      parsed = JsonReader.parse(bytes, offset, length);
    } catch (WyomingException e) {
      throw new WyomingException("malformed JSON in " + what + ": " + e.getMessage(), e);
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new WyomingException(what + " is not a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> object = (Map<String, Object>) map;
    return new JsonObject(object);
  }

  private void emit(Buffer payload) {
    completed = new WyomingEvent(type, data, payload);
    state = State.HEADER;
    type = null;
    data = null;
    dataLength = 0;
    payloadLength = 0;
  }

  private void keep(Buffer buf, Buffer input, int pos, int end) {
    if (pos >= end) {
      pending = null;
    } else if (pos == 0 && buf != input) {
      pending = buf;
    } else {
      pending = buf.getBuffer(pos, end);
    }
  }

  private void fail() {
    state = State.FAILED;
    pending = null;
    partialPayload = null;
    data = null;
  }

  @Override
  public boolean isMidFrame() {
    return state == State.DATA || state == State.PAYLOAD || (pending != null && pending.length() > 0);
  }

  @Override
  public void end() {
    if (state != State.FAILED && isMidFrame()) {
      fail();
      throw new WyomingException("the stream ended in the middle of a frame");
    }
  }
}
