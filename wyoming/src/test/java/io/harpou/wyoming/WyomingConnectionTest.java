package io.harpou.wyoming;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.testkit.Await;
import io.harpou.wyoming.message.Audio.AudioChunk;
import io.harpou.wyoming.message.Control.ErrorMessage;
import io.harpou.wyoming.message.Control.Ping;
import io.harpou.wyoming.message.Control.Pong;
import io.harpou.wyoming.message.WyomingMessages;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Server and client over real sockets on 127.0.0.1, with a server that answers ping and echoes the rest. */
@ExtendWith(VertxExtension.class)
class WyomingConnectionTest {

  private Vertx vertx;
  private WyomingServer server;
  private WyomingClient client;
  private final List<Throwable> serverErrors = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    WyomingServerOptions options = new WyomingServerOptions().setHost("127.0.0.1").setPort(0)
        .setFrameTimeoutMillis(300).setLimits(new WyomingLimits(1024, 64 * 1024, 64 * 1024));
    server = WyomingServer.create(vertx, options).connectHandler(conn -> {
      conn.exceptionHandler(serverErrors::add);
      conn.handler(event -> {
        if (event.type().equals(Ping.TYPE)) {
          conn.write(new Pong(Ping.fromEvent(event).text()));
        } else if (event.type().equals("boom")) {
          throw new IllegalStateException("handler bug");
        } else {
          conn.write(event);
        }
      });
    });
    await(server.listen());
    client = WyomingClient.create(vertx, new WyomingClientOptions());
  }

  @AfterEach
  void stop() throws Exception {
    await(client.close());
    await(server.close());
  }

  @Test
  void should_bind_an_ephemeral_port() {
    assertThat(server.actualPort()).isPositive();
  }

  @Test
  void should_answer_ping_with_pong_over_tcp() throws Exception {
    assertThat(pingOnce()).isEqualTo(new Pong("hello"));
  }

  @Test
  void should_round_trip_audio_chunks_with_intact_payloads() throws Exception {
    WyomingConnection conn = await(client.connect("127.0.0.1", server.actualPort()));
    List<AudioChunk> sent = new ArrayList<>();
    Random random = new Random(42);
    for (int i = 0; i < 200; i++) {
      byte[] pcm = new byte[2048];
      random.nextBytes(pcm);
      sent.add(new AudioChunk(16000, 2, 1, i * 64L, Buffer.buffer(pcm)));
    }
    Promise<List<AudioChunk>> received = Promise.promise();
    List<AudioChunk> got = new ArrayList<>();
    conn.handler(e -> {
      got.add(AudioChunk.fromEvent(e));
      if (got.size() == sent.size()) {
        received.complete(got);
      }
    });

    sent.forEach(conn::write);

    assertThat(await(received.future())).isEqualTo(sent);
  }

  @Test
  void should_deliver_a_large_burst_complete_and_in_order_despite_backpressure() throws Exception {
    WyomingConnection conn = await(client.connect("127.0.0.1", server.actualPort()));
    int count = 2000;
    Promise<Void> done = Promise.promise();
    int[] next = {0};
    boolean[] inOrder = {true};
    conn.handler(e -> {
      AudioChunk chunk = AudioChunk.fromEvent(e);
      inOrder[0] &= chunk.timestamp() == next[0] && chunk.audio().getInt(0) == next[0]
          && chunk.audio().length() == 2048;
      if (++next[0] == count) {
        done.complete();
      }
    });
    Promise<Void> sentAll = Promise.promise();
    vertx.runOnContext(v -> sendBurst(conn, 0, count, sentAll));

    await(sentAll.future());
    await(done.future());

    assertThat(next[0]).isEqualTo(count);
    assertThat(inOrder[0]).isTrue();
  }

  private void sendBurst(WyomingConnection conn, int from, int count, Promise<Void> sentAll) {
    int i = from;
    while (i < count && !conn.writeQueueFull()) {
      Buffer pcm = Buffer.buffer(new byte[2048]).setInt(0, i);
      conn.write(new AudioChunk(16000, 2, 1, (long) i, pcm));
      i++;
    }
    if (i == count) {
      sentAll.complete();
    } else {
      int resume = i;
      conn.drainHandler(v -> sendBurst(conn, resume, count, sentAll));
    }
  }

  @Test
  void should_decode_a_frame_sent_one_byte_at_a_time() throws Exception {
    NetSocket raw = await(rawClient().connect(server.actualPort(), "127.0.0.1"));
    Buffer received = Buffer.buffer();
    raw.handler(received::appendBuffer);
    Buffer frame = WyomingCodec.encode(new Ping("slow"));
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < frame.length(); i++) {
      Buffer one = frame.getBuffer(i, i + 1);
      chain = chain.compose(v -> raw.write(one));
    }
    await(chain);

    assertThat(awaitEvents(received, 1)).containsExactly(new Pong("slow").toEvent());
  }

  @Test
  void should_decode_frames_coalesced_into_one_tcp_write() throws Exception {
    NetSocket raw = await(rawClient().connect(server.actualPort(), "127.0.0.1"));
    Buffer received = Buffer.buffer();
    raw.handler(received::appendBuffer);
    Buffer frames = Buffer.buffer();
    for (int i = 0; i < 20; i++) {
      frames.appendBuffer(WyomingCodec.encode(new Ping("n" + i)));
    }
    await(raw.write(frames));

    List<WyomingEvent> events = awaitEvents(received, 20);
    assertThat(events.get(19)).isEqualTo(new Pong("n19").toEvent());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "this is not json\n",
      "{\"version\": \"1.9.0\"}\n",
      "{\"type\": \"ping\", \"data_length\": -5}\n",
      "{\"type\": \"audio-chunk\", \"payload_length\": 104857600}\n",
      "{\"type\": \"ping\", \"data_length\": 3}\n[1]",
      "{\"type\": \"ping\", \"data_length\": \"lots\"}\n"})
  void should_close_a_connection_sending_a_malformed_frame_and_keep_serving_others(String bad) throws Exception {
    RawResult result = sendRaw(Buffer.buffer(bad), false);

    ErrorMessage error = (ErrorMessage) WyomingMessages.read(result.events.get(0));
    assertThat(error.code()).isEqualTo("protocol-error");
    assertThat(error.text()).isNotBlank();
    assertThat(serverErrors).isNotEmpty();
    assertThat(pingOnce()).isEqualTo(new Pong("hello"));
  }

  @Test
  void should_close_a_connection_whose_header_line_exceeds_the_limit_without_buffering_it() throws Exception {
    Buffer huge = Buffer.buffer("{\"type\": \"ping\", \"pad\": \"");
    huge.appendBytes(new byte[200_000]);

    RawResult result = sendRaw(huge, false);

    assertThat(ErrorMessage.fromEvent(result.events.get(0)).text()).contains("header line longer than 1024");
    assertThat(pingOnce()).isEqualTo(new Pong("hello"));
  }

  @Test
  void should_close_a_connection_that_stalls_in_the_middle_of_a_frame() throws Exception {
    Buffer frame = WyomingCodec.encode(new Ping("stalled"));

    RawResult result = sendRaw(frame.getBuffer(0, frame.length() - 4), false);

    assertThat(ErrorMessage.fromEvent(result.events.get(0)).text()).contains("within 300 ms of its first byte");
    assertThat(pingOnce()).isEqualTo(new Pong("hello"));
  }

  @Test
  void should_report_a_peer_that_hangs_up_in_the_middle_of_a_frame() throws Exception {
    Buffer frame = WyomingCodec.encode(new Ping("cut"));

    sendRaw(frame.getBuffer(0, frame.length() - 2), true);

    Await.until("the server's report of the cut frame",
        () -> serverErrors.stream().anyMatch(e -> e.getMessage().contains("middle of a frame")));
    assertThat(pingOnce()).isEqualTo(new Pong("hello"));
  }

  @Test
  void should_keep_the_connection_open_when_the_event_handler_throws() throws Exception {
    WyomingConnection conn = await(client.connect("127.0.0.1", server.actualPort()));
    Promise<WyomingEvent> reply = Promise.promise();
    conn.handler(reply::tryComplete);

    conn.write(WyomingEvent.of("boom"));
    conn.write(new Ping("still there"));

    assertThat(await(reply.future())).isEqualTo(new Pong("still there").toEvent());
    assertThat(serverErrors).extracting(Throwable::getMessage).contains("handler bug");
  }

  @Test
  void should_hold_events_that_arrive_before_the_event_handler_is_set() throws Exception {
    WyomingServer greeter = WyomingServer.create(vertx, new WyomingServerOptions().setHost("127.0.0.1").setPort(0))
        .connectHandler(conn -> {
          conn.handler(e -> { });
          conn.write(WyomingEvent.of("hello", new JsonObject().put("n", 1)));
          conn.write(WyomingEvent.of("hello", new JsonObject().put("n", 2)));
        });
    await(greeter.listen());
    try {
      WyomingConnection conn = await(client.connect("127.0.0.1", greeter.actualPort()));
      Thread.sleep(200);
      List<Integer> seen = new CopyOnWriteArrayList<>();
      conn.handler(e -> seen.add(e.data().getInteger("n")));

      Await.until("both held events", () -> seen.size() == 2);
      assertThat(seen).containsExactly(1, 2);
    } finally {
      await(greeter.close());
    }
  }

  @Test
  void should_close_open_connections_when_the_server_closes() throws Exception {
    WyomingConnection conn = await(client.connect("127.0.0.1", server.actualPort()));
    Promise<Void> closed = Promise.promise();
    conn.closeHandler(v -> closed.complete());
    assertThat(pingOnce()).isEqualTo(new Pong("hello"));

    await(server.close());

    await(closed.future());
    assertThat(conn.isClosed()).isTrue();
    server = WyomingServer.create(vertx, new WyomingServerOptions()).connectHandler(c -> { });
  }

  @Test
  void should_fail_a_write_after_the_connection_closed() throws Exception {
    WyomingConnection conn = await(client.connect("127.0.0.1", server.actualPort()));
    await(conn.close());

    Await.until("the connection to close", conn::isClosed);
    Future<Void> write = conn.write(new Ping("late"));
    Await.until("the late write to complete", write::isComplete);
    assertThat(write.failed()).isTrue();
  }

  @Test
  void should_fail_to_connect_to_a_closed_port_with_a_wyoming_exception() throws Exception {
    int port = server.actualPort();
    await(server.close());

    Future<WyomingConnection> connect = client.connect("127.0.0.1", port);

    Await.until("the connection attempt to end", connect::isComplete);
    assertThat(connect.cause()).isInstanceOf(WyomingException.class);
    server = WyomingServer.create(vertx, new WyomingServerOptions()).connectHandler(c -> { });
  }

  private WyomingMessage pingOnce() throws Exception {
    WyomingConnection conn = await(client.connect("127.0.0.1", server.actualPort()));
    Promise<WyomingEvent> reply = Promise.promise();
    conn.handler(reply::tryComplete);
    conn.write(new Ping("hello"));
    WyomingMessage answer = WyomingMessages.read(await(reply.future()));
    await(conn.close());
    return answer;
  }

  private record RawResult(List<WyomingEvent> events) {
  }

  /** Sends bytes over a plain socket, optionally hangs up, and waits for the server to close the connection. */
  private RawResult sendRaw(Buffer bytes, boolean hangUp) throws Exception {
    NetSocket raw = await(rawClient().connect(server.actualPort(), "127.0.0.1"));
    Buffer received = Buffer.buffer();
    Promise<Void> closed = Promise.promise();
    raw.handler(received::appendBuffer);
    raw.closeHandler(v -> closed.complete());
    raw.exceptionHandler(e -> { });
    raw.write(bytes);
    if (hangUp) {
      raw.close();
    }
    await(closed.future());
    List<WyomingEvent> events = new ArrayList<>();
    WyomingDecoder.create(WyomingLimits.DEFAULT, events::add).feed(received);
    return new RawResult(events);
  }

  private NetClient rawClient() {
    return vertx.createNetClient();
  }

  private List<WyomingEvent> awaitEvents(Buffer received, int count) throws Exception {
    List<WyomingEvent> events = new ArrayList<>();
    Await.within(Await.DEFAULT_TIMEOUT, () -> {
      events.clear();
      WyomingDecoder.create(WyomingLimits.DEFAULT, events::add).feed(received.copy());
      return events.size() >= count;
    });
    return events;
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
