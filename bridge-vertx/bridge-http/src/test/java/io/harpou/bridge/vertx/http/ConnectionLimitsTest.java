package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.testkit.Await;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API's connections are bounded: in number (in all and per client address), in the time to send a request,
 * in silence, and in the size of WebSocket messages. Each test holds connections open as an attacker would.
 */
class ConnectionLimitsTest {

  private static final String HALF_SENT = "POST /api/conversation/process HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le";

  private final Vertx vertx = Vertx.vertx();
  /** Held so the client (and with it its sockets) is not closed as unreachable. */
  private final WebSocketClient client = vertx.createWebSocketClient();
  private final List<Socket> sockets = new ArrayList<>();
  private TestContext context;

  @TempDir
  Path dataDir;

  @AfterEach
  void close() throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
    vertx.close().await();
  }

  private void start(JsonObject http) {
    context = new TestContext(vertx, dataDir, http);
    context.startHttp().await();
  }

  private Socket connect(String fromAddress) throws IOException {
    Socket socket = new Socket();
    socket.bind(new InetSocketAddress(fromAddress, 0));
    socket.connect(new InetSocketAddress("127.0.0.1", context.httpPort()));
    sockets.add(socket);
    return socket;
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Waits up to 20 s for the hub to close every socket; the ones still open. */
  private static List<Socket> stillOpen(List<Socket> held) {
    List<Socket> open = new ArrayList<>(held);
    Await.within(Duration.ofSeconds(20), () -> {
      open.removeIf(RawHttp::closedByPeer);
      return open.isEmpty();
    });
    return open;
  }

  private String health(String fromAddress) throws IOException {
    Socket socket = connect(fromAddress);
    send(socket, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    socket.setSoTimeout(10_000);
    return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void should_close_connections_beyond_the_per_address_cap_and_keep_serving_other_addresses() throws Exception {
    start(new JsonObject().put("max_connections_per_address", 20).put("max_connections", 100));
    List<Socket> held = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Socket socket = connect("127.0.0.1");
      send(socket, HALF_SENT);
      held.add(socket);
    }
    Thread.sleep(500);

    long open = held.stream().filter(socket -> !RawHttp.closedByPeer(socket)).count();

    assertThat(open).isEqualTo(20);
    assertThat(health("127.0.0.2")).startsWith("HTTP/1.1 200");
  }

  @Test
  void should_count_closed_connections_and_sockets_out_of_the_cap() throws Exception {
    start(new JsonObject().put("max_connections_per_address", 5));
    for (int i = 0; i < 30; i++) {
      assertThat(healthSoon()).as("plain request %d", i).isTrue();
    }
    for (int i = 0; i < 30; i++) {
      WebSocket ws = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(context.httpPort())
          .setURI("/api/events").setAllowOriginHeader(false)).await();
      ws.close().await();
      assertThat(healthSoon()).as("after closed socket %d", i).isTrue();
    }
  }

  /** True once a /health request is answered within a few tries (a closed connection is counted out shortly after). */
  private boolean healthSoon() {
    return Await.within(Duration.ofSeconds(2), () -> {
      try {
        return health("127.0.0.1").startsWith("HTTP/1.1 200");
      } catch (IOException refused) {
        // Closed at the door; try again.
        return false;
      }
    });
  }

  @Test
  void should_close_connections_beyond_the_total_cap() throws Exception {
    start(new JsonObject().put("max_connections_per_address", 50).put("max_connections", 60));
    List<Socket> held = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Socket socket = connect("127.0.0." + (2 + i % 4));
      send(socket, HALF_SENT);
      held.add(socket);
    }
    Thread.sleep(500);

    long open = held.stream().filter(socket -> !RawHttp.closedByPeer(socket)).count();

    assertThat(open).isEqualTo(60);
  }

  @Test
  void should_close_half_sent_requests_once_idle_and_serve_again() throws Exception {
    start(new JsonObject().put("idle_timeout_seconds", 1));
    List<Socket> held = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Socket socket = connect("127.0.0.1");
      send(socket, HALF_SENT);
      held.add(socket);
    }

    assertThat(stillOpen(held)).isEmpty();
    assertThat(health("127.0.0.1")).startsWith("HTTP/1.1 200");
  }

  @Test
  void should_close_a_connection_trickling_its_headers_one_byte_at_a_time() throws Exception {
    start(new JsonObject().put("idle_timeout_seconds", 1));
    Socket socket = connect("127.0.0.1");
    String headers = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "a".repeat(200);

    boolean closed = false;
    for (int i = 0; i < headers.length() && !closed; i++) {
      try {
        send(socket, headers.substring(i, i + 1));
      } catch (IOException e) {
        closed = true;
      }
      closed = closed || RawHttp.closedByPeer(socket);
      Thread.sleep(150);
    }

    assertThat(closed).as("closed while the headers still trickled in").isTrue();
  }

  @Test
  void should_close_a_request_whose_body_trickles_past_the_request_timeout() throws Exception {
    start(new JsonObject().put("request_timeout_seconds", 1));
    Socket socket = connect("127.0.0.1");
    send(socket, "POST /api/conversation/process HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Content-Length: 1000\r\n\r\n{\"text\":\"");

    boolean closed = false;
    for (int i = 0; i < 200 && !closed; i++) {
      try {
        send(socket, "a");
      } catch (IOException e) {
        closed = true;
      }
      closed = closed || RawHttp.closedByPeer(socket);
      Thread.sleep(100);
    }

    assertThat(closed).as("closed while the body still trickled in").isTrue();
  }

  @Test
  void should_close_an_event_socket_that_sends_a_message_over_the_limit() throws Exception {
    start(new JsonObject());
    WebSocket ws = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
        .setPort(context.httpPort()).setURI("/api/events").setAllowOriginHeader(false)).await();
    List<String> received = new CopyOnWriteArrayList<>();
    ws.textMessageHandler(received::add);

    ws.writeTextMessage("{\"type\":\"subscribe\",\"pad\":\"" + "x".repeat(40 * 1024) + "\"}");
    Await.until("the server to close the socket", ws::isClosed);

    assertThat(received).isEmpty();
  }

  @Test
  void should_keep_an_event_socket_that_answers_pings_and_close_one_that_stays_silent() throws Exception {
    start(new JsonObject().put("idle_timeout_seconds", 1));
    WebSocket answering = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
        .setPort(context.httpPort()).setURI("/api/events").setAllowOriginHeader(false)).await();
    Socket silent = (Socket) RawHttp.upgrade(context.httpPort(), "/api/events", java.util.Map.of());
    sockets.add(silent);

    boolean closed = false;
    int pings = 0;
    for (int i = 0; i < 100 && !closed; i++) {
      try {
        RawHttp.Frame frame = RawHttp.readFrame(silent);
        pings += frame.opcode() == 9 ? 1 : 0;
        closed = frame.opcode() == 8;
      } catch (IOException e) {
        closed = true;
      }
    }

    assertThat(pings).as("pinged before being given up").isPositive();
    assertThat(closed).isTrue();
    assertThat(answering.isClosed()).as("the client that answers pings").isFalse();
  }
}
