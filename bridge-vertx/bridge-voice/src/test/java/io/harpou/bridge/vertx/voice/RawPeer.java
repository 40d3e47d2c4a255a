package io.harpou.bridge.vertx.voice;

import io.harpou.wyoming.WyomingCodec;
import io.harpou.wyoming.WyomingDecoder;
import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.WyomingLimits;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * An attacker's Wyoming peer: a plain blocking socket that writes whatever frames or bytes it is given, formats no
 * library would build included, and reads the server's events. Used from test threads only.
 */
final class RawPeer implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;
  private final ArrayDeque<WyomingEvent> received = new ArrayDeque<>();
  private final WyomingDecoder decoder = WyomingDecoder.create(WyomingLimits.DEFAULT, received::add);
  private boolean ended;

  RawPeer(int port) throws IOException {
    this(port, "127.0.0.1");
  }

  /** Connects from {@code localAddress}, any 127.x.y.z address on Linux, to look like another machine. */
  RawPeer(int port, String localAddress) throws IOException {
    socket = new Socket();
    socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setSoTimeout(10_000);
    in = socket.getInputStream();
  }

  /** Sends one frame of any type, data and payload. */
  RawPeer send(String type, JsonObject data, byte[] payload) throws IOException {
    return sendBytes(WyomingCodec.encode(new WyomingEvent(type, data,
        payload == null ? null : Buffer.buffer(payload))).getBytes());
  }

  RawPeer send(String type, JsonObject data) throws IOException {
    return send(type, data, null);
  }

  /** Sends raw bytes. */
  RawPeer sendBytes(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    return this;
  }

  /** The next event from the server, waiting up to 10 s; fails when none comes or the server closed first. */
  WyomingEvent next() throws IOException {
    while (received.isEmpty()) {
      if (!read()) {
        throw new AssertionError("the server closed the connection without a further event");
      }
    }
    return received.poll();
  }

  /** Every event up to the server closing the connection, waiting up to 10 s for each read. */
  List<WyomingEvent> untilClosed() throws IOException {
    while (read()) {
      // keep reading
    }
    List<WyomingEvent> events = new ArrayList<>(received);
    received.clear();
    return events;
  }

  /** The next event, or none when the server closes the connection first. */
  List<WyomingEvent> untilClosedOrFirst() throws IOException {
    while (received.isEmpty() && read()) {
      // keep reading
    }
    return received.isEmpty() ? List.of() : List.of(received.poll());
  }

  /** True when the server has closed the connection. */
  boolean closedByServer() {
    return ended;
  }

  private boolean read() throws IOException {
    if (ended) {
      return false;
    }
    byte[] chunk = new byte[8192];
    int n;
    try {
      n = in.read(chunk);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no answer from the server within 10 s", e);
    } catch (IOException e) {
      // A reset counts as the server closing the connection.
      n = -1;
    }
    if (n < 0) {
      ended = true;
      return false;
    }
    decoder.feed(Buffer.buffer(chunk).getBuffer(0, n));
    return true;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
