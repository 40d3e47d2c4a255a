package io.harpou.bridge.vertx.voice;

import io.harpou.wyoming.WyomingClient;
import io.harpou.wyoming.WyomingClientOptions;
import io.harpou.wyoming.WyomingConnection;
import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.WyomingMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A Wyoming client as Home Assistant uses one: a new connection per operation, events read in order. */
final class Peer implements AutoCloseable {

  private final WyomingClient client;
  private final WyomingConnection connection;
  private final BlockingQueue<WyomingEvent> received = new LinkedBlockingQueue<>();

  Peer(io.vertx.core.Vertx vertx, int port) {
    client = WyomingClient.create(vertx, new WyomingClientOptions());
    connection = client.connect("127.0.0.1", port).await();
    connection.handler(received::add);
  }

  Peer send(WyomingMessage... messages) {
    for (WyomingMessage message : messages) {
      connection.write(message).await();
    }
    return this;
  }

  WyomingEvent next() throws InterruptedException {
    WyomingEvent event = received.poll(10, TimeUnit.SECONDS);
    if (event == null) {
      throw new AssertionError("no answer within 10 s");
    }
    return event;
  }

  /** Events up to and including the first of {@code type}. */
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

  WyomingConnection connection() {
    return connection;
  }

  @Override
  public void close() {
    client.close().await();
  }
}
