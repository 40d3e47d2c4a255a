package io.harpou.bridge.vertx.voice;

import io.harpou.wyoming.WyomingConnection;
import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.WyomingMessage;
import io.harpou.wyoming.WyomingServer;
import io.harpou.wyoming.WyomingServerOptions;
import io.harpou.wyoming.info.Artifact;
import io.harpou.wyoming.info.Attribution;
import io.harpou.wyoming.info.Info;
import io.harpou.wyoming.info.SatelliteInfo;
import io.harpou.wyoming.message.Audio;
import io.harpou.wyoming.message.Control;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A wyoming-satellite stand-in: a Wyoming server on 127.0.0.1 that answers {@code describe} and {@code ping} as the
 * real one does and records every other event Harpou sends. Tests drive it from their own thread.
 */
final class FakeSatellite {

  private final Vertx vertx;
  private final WyomingServer server;
  private final BlockingQueue<WyomingEvent> received = new LinkedBlockingQueue<>();
  private final BlockingQueue<WyomingConnection> connections = new LinkedBlockingQueue<>();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger mostOpen = new AtomicInteger();
  private volatile WyomingConnection current;

  FakeSatellite(Vertx vertx, String area) {
    this.vertx = vertx;
    Info info = Info.empty().withSatellite(new SatelliteInfo(new Artifact("Wyoming Satellite",
        new Attribution("", ""), true, "Wyoming Satellite", "1.4.1"), area, null, null, null, null));
    server = WyomingServer.create(vertx, new WyomingServerOptions().setHost("127.0.0.1").setPort(0));
    server.connectHandler(connection -> {
      current = connection;
      mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
      connection.closeHandler(v -> open.decrementAndGet());
      connection.handler(event -> {
        switch (event.type()) {
          case "describe" -> connection.write(info);
          case "ping" -> connection.write(new Control.Pong(event.data().getString("text")));
          default -> received.add(event);
        }
      });
      connections.add(connection);
    });
    server.listen().await();
  }

  /** Connections open now. */
  int openConnections() {
    return open.get();
  }

  /** The most connections ever open at once. */
  int mostOpenConnections() {
    return mostOpen.get();
  }

  /** True when Harpou connected again since the last {@link #awaitRunning()}. */
  boolean reconnected() {
    return !connections.isEmpty();
  }

  int port() {
    return server.actualPort();
  }

  SatelliteConfig config(String room, String id) {
    return new SatelliteConfig("127.0.0.1", port(), room, id);
  }

  /** Waits for Harpou to connect and send {@code run-satellite}. */
  void awaitRunning() throws InterruptedException {
    WyomingConnection connection = connections.poll(10, TimeUnit.SECONDS);
    if (connection == null) {
      throw new AssertionError("Harpou never connected");
    }
    expect("run-satellite");
  }

  void send(WyomingMessage message) {
    WyomingConnection connection = current;
    vertx.runOnContext(v -> connection.write(message));
  }

  /** Streams 16 kHz mono PCM as 2048-byte chunks without audio-start, as wyoming-satellite does. */
  void stream(Buffer pcm) {
    WyomingConnection connection = current;
    vertx.runOnContext(v -> {
      for (int at = 0; at < pcm.length(); at += 2048) {
        Buffer chunk = pcm.getBuffer(at, Math.min(pcm.length(), at + 2048));
        connection.write(new Audio.AudioChunk(16000, 2, 1, null, chunk));
      }
    });
  }

  void drop() {
    WyomingConnection connection = current;
    vertx.runOnContext(v -> connection.close());
  }

  /** The next recorded event, skipping none; fails after 10 s. */
  WyomingEvent next() throws InterruptedException {
    WyomingEvent event = received.poll(10, TimeUnit.SECONDS);
    if (event == null) {
      throw new AssertionError("no event from Harpou within 10 s");
    }
    return event;
  }

  /** Skips events until one of {@code type}. */
  WyomingEvent expect(String type) throws InterruptedException {
    while (true) {
      WyomingEvent event = next();
      if (event.type().equals(type)) {
        return event;
      }
    }
  }

  /** Collects events until one of {@code type}, which is included last. */
  List<WyomingEvent> until(String type) throws InterruptedException {
    List<WyomingEvent> events = new ArrayList<>();
    while (true) {
      WyomingEvent event = next();
      events.add(event);
      if (event.type().equals(type)) {
        return events;
      }
    }
  }

  /** Events recorded so far and not yet taken. */
  List<WyomingEvent> drain() {
    List<WyomingEvent> events = new ArrayList<>();
    received.drainTo(events);
    return events;
  }

  void close() {
    server.close().await();
  }
}
