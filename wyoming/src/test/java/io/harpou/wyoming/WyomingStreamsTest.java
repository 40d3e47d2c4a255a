package io.harpou.wyoming;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.testkit.Await;
import io.harpou.wyoming.message.Audio.AudioChunk;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A connection as a Vert.x stream, over real sockets on 127.0.0.1: piping, demand and the end of the stream. */
@ExtendWith(VertxExtension.class)
class WyomingStreamsTest {

  private Vertx vertx;
  private WyomingServer server;
  private WyomingClient client;
  private final AtomicReference<WyomingConnection> accepted = new AtomicReference<>();
  private final AtomicReference<Context> acceptedOn = new AtomicReference<>();

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    client = WyomingClient.create(vertx, new WyomingClientOptions());
  }

  @AfterEach
  void stop() throws Exception {
    client.close().await(10, TimeUnit.SECONDS);
    if (server != null) {
      server.close().await(10, TimeUnit.SECONDS);
    }
  }

  /** Starts a server that hands each accepted connection to {@code onConnect}, on that connection's event loop. */
  private int serve(java.util.function.Consumer<WyomingConnection> onConnect) throws Exception {
    server = WyomingServer.create(vertx, new WyomingServerOptions().setHost("127.0.0.1").setPort(0))
        .connectHandler(conn -> {
          acceptedOn.set(Vertx.currentContext());
          accepted.set(conn);
          onConnect.accept(conn);
        });
    server.listen().await(10, TimeUnit.SECONDS);
    return server.actualPort();
  }

  @Test
  void should_make_audio_only_as_fast_as_a_paused_reader_takes_it() throws Exception {
    int total = 20_000;
    AtomicInteger made = new AtomicInteger();
    Promise<Future<Void>> piped = Promise.promise();
    int port = serve(conn -> piped.complete(
        WyomingStreams.of(chunks(total, made)).pipe().endOnComplete(false).to(conn)));
    WyomingConnection reader = client.connect("127.0.0.1", port).await(10, TimeUnit.SECONDS);
    List<Integer> received = new CopyOnWriteArrayList<>();
    reader.pause();
    reader.handler(event -> received.add(AudioChunk.fromEvent(event).audio().getInt(0)));

    Await.until("the sender's queue to fill", () -> accepted.get() != null && accepted.get().writeQueueFull());
    // Counted on the sender's event loop, after whatever it was doing: without back-pressure it would have made all
    // 40 MB in one go; the socket's buffers hold a small part of it.
    Promise<Integer> madeSoFar = Promise.promise();
    acceptedOn.get().runOnContext(v -> madeSoFar.complete(made.get()));
    assertThat(madeSoFar.future().await(10, TimeUnit.SECONDS)).isLessThan(total / 2);
    assertThat(received).isEmpty();

    reader.resume();
    Await.until("every chunk to arrive", Duration.ofSeconds(60), () -> received.size() == total);
    assertThat(received).isSorted().doesNotHaveDuplicates().startsWith(0).endsWith(total - 1);
    Future<Void> sent = piped.future().await(10, TimeUnit.SECONDS);
    Await.until("the pipe to finish", sent::isComplete);
    assertThat(sent.succeeded()).isTrue();
    assertThat(reader.isClosed()).isFalse();
  }

  @Test
  void should_deliver_only_the_events_fetched_while_paused() throws Exception {
    int port = serve(conn -> {
      for (int n = 1; n <= 5; n++) {
        conn.write(WyomingEvent.of("count", new JsonObject().put("n", n)));
      }
    });
    WyomingConnection reader = client.connect("127.0.0.1", port).await(10, TimeUnit.SECONDS);
    List<Integer> seen = new CopyOnWriteArrayList<>();
    AtomicInteger fetched = new AtomicInteger();
    AtomicInteger beyondDemand = new AtomicInteger();
    reader.pause();
    reader.handler(event -> {
      seen.add(event.data().getInteger("n"));
      if (seen.size() > fetched.get()) {
        beyondDemand.incrementAndGet();
      }
    });

    fetched.set(2);
    reader.fetch(2);
    Await.until("two events", () -> seen.size() == 2);
    assertThat(beyondDemand).hasValue(0);

    fetched.set(5);
    reader.fetch(3);
    Await.until("the other three", () -> seen.size() == 5);
    assertThat(seen).containsExactly(1, 2, 3, 4, 5);
    assertThat(beyondDemand).hasValue(0);
  }

  @Test
  void should_end_the_stream_when_the_peer_ends_it() throws Exception {
    int port = serve(conn -> conn.handler(go -> {
      conn.write(WyomingEvent.of("one"));
      conn.write(WyomingEvent.of("two"));
      conn.end();
    }));
    WyomingConnection reader = client.connect("127.0.0.1", port).await(10, TimeUnit.SECONDS);
    Future<List<String>> types = reader.collect(Collectors.mapping(WyomingEvent::type, Collectors.toList()));

    reader.write(WyomingEvent.of("go"));

    assertThat(types.await(10, TimeUnit.SECONDS)).containsExactly("one", "two");
    assertThat(reader.isClosed()).isTrue();
  }

  @Test
  void should_end_a_stream_read_only_after_the_peer_hung_up() throws Exception {
    int port = serve(WyomingConnection::end);
    WyomingConnection reader = client.connect("127.0.0.1", port).await(10, TimeUnit.SECONDS);
    Await.until("the peer to hang up", reader::isClosed);

    List<WyomingEvent> events = reader.collect(Collectors.toList()).await(10, TimeUnit.SECONDS);

    assertThat(events).isEmpty();
  }

  @Test
  void should_fail_the_pipe_when_making_a_message_fails() throws Exception {
    Promise<Future<Void>> piped = Promise.promise();
    Iterator<WyomingMessage> broken = new Iterator<>() {
      private int left = 3;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public WyomingMessage next() {
        if (left-- == 0) {
          throw new IllegalStateException("the synthesiser died");
        }
        return WyomingEvent.of("audio-chunk");
      }
    };
    int port = serve(conn -> piped.complete(WyomingStreams.of(broken).pipe().endOnComplete(false).to(conn)));
    WyomingConnection reader = client.connect("127.0.0.1", port).await(10, TimeUnit.SECONDS);
    List<String> types = new CopyOnWriteArrayList<>();
    reader.handler(event -> types.add(event.type()));

    Future<Void> sent = piped.future().await(10, TimeUnit.SECONDS);
    Await.until("the pipe to end", sent::isComplete);

    assertThat(sent.cause()).hasMessageContaining("the synthesiser died");
    Await.until("the three chunks made", () -> types.size() == 3);
    assertThat(accepted.get().isClosed()).isFalse();
  }

  /** {@code total} chunks whose audio starts with their index, each made when asked for. */
  private static Iterator<WyomingMessage> chunks(int total, AtomicInteger made) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return made.get() < total;
      }

      @Override
      public WyomingMessage next() {
        int n = made.getAndIncrement();
        return new AudioChunk(16000, 2, 1, (long) n, Buffer.buffer(new byte[2048]).setInt(0, n));
      }
    };
  }
}
