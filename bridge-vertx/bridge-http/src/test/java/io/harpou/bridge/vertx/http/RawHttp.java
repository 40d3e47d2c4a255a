package io.harpou.bridge.vertx.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client on a raw socket that sends exactly the bytes it is given, so a test can present what an
 * attacker would: a path the JDK and Vert.x clients would normalise, any Host or Origin header, a half-sent request.
 */
final class RawHttp {

  /** A response: its status, headers (lower-case names) and body. */
  record Response(int status, Map<String, String> headers, String body) {
  }

  /** A WebSocket frame as read: its opcode (1 text, 8 close, 9 ping) and payload. */
  record Frame(int opcode, byte[] payload) {

    /** The payload as text (for a close frame, the reason after the two-byte code). */
    String text() {
      return new String(payload, opcode == 8 && payload.length >= 2 ? 2 : 0,
          opcode == 8 ? Math.max(0, payload.length - 2) : payload.length, StandardCharsets.UTF_8);
    }

    /** A close frame's status code. */
    int closeCode() {
      return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
    }
  }

  private RawHttp() {
  }

  /** Sends a WebSocket handshake for {@code target}; the open socket once the hub answers 101, else its answer. */
  static Object upgrade(int port, String target, Map<String, String> headers) throws IOException {
    Map<String, String> all = new LinkedHashMap<>(Map.of("Host", "127.0.0.1:" + port, "Connection", "Upgrade",
        "Upgrade", "websocket", "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version", "13"));
    all.putAll(headers);
    StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n");
    all.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port));
    socket.setSoTimeout(30_000);
    socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
    Response response = read(socket.getInputStream());
    if (response.status() == 101) {
      return socket;
    }
    socket.close();
    return response;
  }

  /** Sends one masked text frame, as a client must. */
  static void sendText(Socket socket, String text) throws IOException {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    if (payload.length > 125) {
      throw new IllegalArgumentException("short frames only");
    }
    byte[] frame = new byte[6 + payload.length];
    frame[0] = (byte) 0x81;
    frame[1] = (byte) (0x80 | payload.length);
    byte[] mask = {0x11, 0x22, 0x33, 0x44};
    System.arraycopy(mask, 0, frame, 2, 4);
    for (int i = 0; i < payload.length; i++) {
      frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
    }
    socket.getOutputStream().write(frame);
    socket.getOutputStream().flush();
  }

  /** Sends one masked binary frame of at most 65,535 bytes, as a client must. */
  static void sendBinary(Socket socket, byte[] payload) throws IOException {
    if (payload.length > 0xffff) {
      throw new IllegalArgumentException("frames of at most 65535 bytes only");
    }
    byte[] mask = {0x11, 0x22, 0x33, 0x44};
    ByteArrayOutputStream frame = new ByteArrayOutputStream(8 + payload.length);
    frame.write(0x82);
    frame.write(0x80 | 126);
    frame.write(payload.length >> 8);
    frame.write(payload.length & 0xff);
    frame.write(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    socket.getOutputStream().write(frame.toByteArray());
    socket.getOutputStream().flush();
  }

  /** Reads the next frame the hub sends (unmasked, as a server's are). */
  static Frame readFrame(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    int first = in.read();
    int second = in.read();
    if (first < 0 || second < 0) {
      throw new IOException("the connection closed");
    }
    long length = second & 0x7f;
    if (length == 126) {
      length = (in.read() << 8) | in.read();
    } else if (length == 127) {
      length = 0;
      for (int i = 0; i < 8; i++) {
        length = (length << 8) | in.read();
      }
    }
    return new Frame(first & 0x0f, in.readNBytes((int) length));
  }

  /** Sends a request (with {@code Connection: close} unless {@code headers} say otherwise) and reads the response. */
  static Response exchange(int port, String method, String target, Map<String, String> headers, String body) {
    StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    Map<String, String> all = new LinkedHashMap<>();
    all.put("Host", "127.0.0.1:" + port);
    all.put("Connection", "close");
    all.putAll(headers);
    if (body != null) {
      all.put("Content-Length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
    }
    all.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    request.append("\r\n");
    if (body != null) {
      request.append(body);
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port));
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON POST. */
  static Response postJson(int port, String target, Map<String, String> headers, String json) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.putIfAbsent("Content-Type", "application/json");
    return exchange(port, "POST", target, all, json);
  }

  /** True once the peer has closed {@code socket} (a read returns end of stream or fails). */
  static boolean closedByPeer(Socket socket) {
    try {
      InputStream in = socket.getInputStream();
      socket.setSoTimeout(50);
      ByteArrayOutputStream ignored = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      for (;;) {
        int n = in.read(buffer);
        if (n < 0) {
          return true;
        }
        ignored.write(buffer, 0, n);
      }
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * Reads one response: its headers, then a body of its Content-Length, or chunks to the last, or (neither given)
   * to the end of the connection. A 101 (switching protocols) ends with its headers.
   */
  private static Response read(InputStream in) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      raw.write(b);
      if (raw.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        break;
      }
    }
    Response head = parse(raw.toByteArray());
    if (head.status() == 101) {
      return head;
    }
    String length = head.headers().get("content-length");
    if (length != null) {
      raw.write(in.readNBytes(Integer.parseInt(length)));
    } else if ("chunked".equalsIgnoreCase(head.headers().get("transfer-encoding"))) {
      while (!raw.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n0\r\n\r\n") && (b = in.read()) >= 0) {
        raw.write(b);
      }
    } else {
      raw.write(in.readAllBytes());
    }
    return parse(raw.toByteArray());
  }

  private static Response parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new AssertionError("not an HTTP response: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    String body = text.substring(end + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(body);
    }
    return new Response(status, headers, body);
  }

  private static String unchunk(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    for (;;) {
      int eol = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, eol).trim(), 16);
      if (size == 0) {
        return body.toString();
      }
      body.append(chunked, eol + 2, eol + 2 + size);
      at = eol + 2 + size + 2;
    }
  }
}
