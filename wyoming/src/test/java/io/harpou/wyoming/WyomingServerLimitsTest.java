package io.harpou.wyoming;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.testkit.Await;
import io.harpou.wyoming.message.Control.ErrorMessage;
import io.harpou.wyoming.message.Control.Ping;
import io.harpou.wyoming.message.Control.Pong;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A server's connection caps and timeouts against peers on plain sockets: connections beyond a cap never reach the
 * connect handler, a trickled frame and an idle connection are closed with an {@code error} event, and a connection
 * that keeps exchanging events is left alone.
 */
class WyomingServerLimitsTest {

  private final Vertx vertx = Vertx.vertx();
  private final AtomicInteger accepted = new AtomicInteger();
  private final List<Socket> sockets = new ArrayList<>();
  private WyomingServer server;

  @AfterEach
  void stop() throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
    vertx.close().await();
  }

  private final AtomicInteger answered = new AtomicInteger();

  private int listen(WyomingServerOptions options) {
    server = WyomingServer.create(vertx, options.setHost("127.0.0.1").setPort(0)).connectHandler(conn -> {
      accepted.incrementAndGet();
      conn.handler(event -> {
        answered.incrementAndGet();
        conn.write(new Pong(Ping.fromEvent(event).text()));
      });
    });
    return server.listen().await().actualPort();
  }

  private Socket connect(int port, String from) throws IOException {
    Socket socket = new Socket();
    sockets.add(socket);
    socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
    socket.connect(new InetSocketAddress("127.0.0.1", port));
    socket.setSoTimeout(10_000);
    return socket;
  }

  private static void send(Socket socket, WyomingMessage message) throws IOException {
    socket.getOutputStream().write(WyomingCodec.encode(message).getBytes());
  }

  /** The events the server sends until it closes the connection. */
  private static List<WyomingEvent> untilClosed(Socket socket) throws IOException {
    List<WyomingEvent> events = new ArrayList<>();
    WyomingDecoder decoder = WyomingDecoder.create(WyomingLimits.DEFAULT, events::add);
    InputStream in = socket.getInputStream();
    byte[] chunk = new byte[4096];
    for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
      decoder.feed(Buffer.buffer(chunk).getBuffer(0, n));
    }
    return events;
  }

  private static WyomingEvent nextEvent(Socket socket) throws IOException {
    List<WyomingEvent> events = new ArrayList<>();
    WyomingDecoder decoder = WyomingDecoder.create(WyomingLimits.DEFAULT, events::add);
    while (events.isEmpty()) {
      int b = socket.getInputStream().read();
      if (b < 0) {
        throw new AssertionError("closed before an event");
      }
      decoder.feed(Buffer.buffer(new byte[] {(byte) b}));
    }
    return events.get(0);
  }

  private static ErrorMessage closingError(Socket socket) throws IOException {
    List<WyomingEvent> events = untilClosed(socket);
    assertThat(events).isNotEmpty();
    return ErrorMessage.fromEvent(events.get(events.size() - 1));
  }

  @Test
  void should_refuse_connections_beyond_the_per_address_cap_before_the_connect_handler() throws Exception {
    int port = listen(new WyomingServerOptions().setMaxConnectionsPerAddress(3));
    List<Socket> held = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Socket socket = connect(port, "127.0.0.1");
      send(socket, new Ping("n" + i));
      assertThat(nextEvent(socket).type()).isEqualTo("pong");
      held.add(socket);
    }

    for (int i = 0; i < 5; i++) {
      ErrorMessage error = closingError(connect(port, "127.0.0.1"));
      assertThat(error.code()).isEqualTo("server-busy");
      assertThat(error.text()).contains("too many connections from 127.0.0.1");
    }
    assertThat(accepted).hasValue(3);

    Socket other = connect(port, "127.0.0.5");
    send(other, new Ping("elsewhere"));
    assertThat(nextEvent(other).type()).isEqualTo("pong");
  }

  @Test
  void should_refuse_connections_beyond_the_total_cap_and_admit_one_when_another_closes() throws Exception {
    int port = listen(new WyomingServerOptions().setMaxConnections(2));
    Socket first = connect(port, "127.0.0.1");
    Socket second = connect(port, "127.0.0.2");
    send(first, new Ping("a"));
    send(second, new Ping("b"));
    assertThat(nextEvent(first).type()).isEqualTo("pong");
    assertThat(nextEvent(second).type()).isEqualTo("pong");

    ErrorMessage error = closingError(connect(port, "127.0.0.3"));
    assertThat(error.code()).isEqualTo("server-busy");
    assertThat(error.text()).contains("2 connections");

    first.close();
    assertThat(servedOnceFreed(port)).as("a freed slot is given to a new connection").isTrue();
  }

  private static boolean answeredWithPong(Socket socket) throws IOException {
    try {
      return nextEvent(socket).type().equals("pong");
    } catch (AssertionError closed) {
      return false;
    }
  }

  @Test
  void should_close_a_frame_that_trickles_past_its_deadline_though_bytes_keep_coming() throws Exception {
    int port = listen(new WyomingServerOptions().setFrameTimeoutMillis(400));
    Socket trickler = connect(port, "127.0.0.1");
    byte[] frame = WyomingCodec.encode(new Ping("x".repeat(200))).getBytes();
    try {
      for (byte b : frame) {
        trickler.getOutputStream().write(b);
        Thread.sleep(50);
      }
    } catch (IOException closedByServer) {
      // Expected once the deadline passed.
    }

    ErrorMessage error = closingError(trickler);
    assertThat(error.code()).isEqualTo("protocol-error");
    assertThat(error.text()).contains("within 400 ms of its first byte");
  }

  @Test
  void should_stop_reading_from_a_peer_that_reads_none_of_its_answers_and_close_it() throws Exception {
    // One connection per address: the next client is served only once the flooder's slot is released.
    int port = listen(new WyomingServerOptions().setIdleTimeoutMillis(500).setMaxConnectionsPerAddress(1));
    Socket flooder = connect(port, "127.0.0.1");
    byte[] ping = WyomingCodec.encode(new Ping("x".repeat(1000))).getBytes();
    Thread writer = new Thread(() -> {
      try {
        for (int i = 0; i < 50_000; i++) {
          flooder.getOutputStream().write(ping);
        }
      } catch (IOException closedByServer) {
        // Expected: the server closed the connection.
      }
    });
    writer.start();
    writer.join(30_000);

    // 50 MB of answers would pile up in the server's memory; it stops taking requests once its writes back up.
    assertThat(writer.isAlive()).as("the server closed the flooding connection").isFalse();
    assertThat(answered.get()).isLessThan(5_000);
    assertThat(servedOnceFreed(port)).as("the flooder's slot is given to the next client").isTrue();
  }

  private boolean servedOnceFreed(int port) {
    return Await.within(Duration.ofSeconds(10), () -> {
      Socket socket = connect(port, "127.0.0.1");
      send(socket, new Ping("again"));
      return answeredWithPong(socket);
    });
  }

  @Test
  void should_close_an_idle_connection_and_keep_one_that_exchanges_events() throws Exception {
    int port = listen(new WyomingServerOptions().setIdleTimeoutMillis(300));
    Socket idle = connect(port, "127.0.0.1");
    Socket busy = connect(port, "127.0.0.1");

    for (int i = 0; i < 20; i++) {
      send(busy, new Ping("n" + i));
      assertThat(nextEvent(busy).type()).isEqualTo("pong");
      Thread.sleep(50);
    }

    ErrorMessage error = closingError(idle);
    assertThat(error.code()).isEqualTo("idle-timeout");
    assertThat(error.text()).contains("300 ms");
  }
}
