package io.harpou.testkit.wyoming;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A wyoming-satellite on 127.0.0.1 that Harpou dials, speaking the Wyoming wire format itself (a JSON header line, a
 * data block, a payload): it answers {@code describe} and {@code ping} as the real one does, keeps the other event
 * types it receives, and counts its connections, since a real satellite serves one at a time: a test asserts it never
 * had two. {@link #say} sends a transcript, as a satellite that recognised speech itself would.
 */
public final class SatelliteSimulator {

  private static final int MAX_HEADER = 16 * 1024;
  private static final int MAX_BODY = 1024 * 1024;

  private final String area;
  private final NetServer server;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger mostOpen = new AtomicInteger();
  private final AtomicInteger accepted = new AtomicInteger();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private volatile NetSocket current;

  private SatelliteSimulator(Vertx vertx, String area) {
    this.area = area;
    this.server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0));
    server.connectHandler(this::accept);
  }

  /** Starts a satellite in {@code area} listening on a free loopback port. */
  public static Future<SatelliteSimulator> start(Vertx vertx, String area) {
    SatelliteSimulator satellite = new SatelliteSimulator(vertx, area);
    return satellite.server.listen().map(s -> satellite);
  }

  private void accept(NetSocket socket) {
    current = socket;
    accepted.incrementAndGet();
    mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
    socket.closeHandler(v -> open.decrementAndGet());
    RecordParser parser = RecordParser.newDelimited("\n").maxRecordSize(MAX_HEADER);
    JsonObject[] header = new JsonObject[1];
    parser.handler(record -> {
      if (header[0] == null) {
        JsonObject line = new JsonObject(record);
        int body = line.getInteger("data_length", 0) + line.getInteger("payload_length", 0);
        if (body < 0 || body > MAX_BODY) {
          socket.close();
        } else if (body == 0) {
          handle(socket, line.getString("type"));
        } else {
          header[0] = line;
          parser.fixedSizeMode(body);
        }
      } else {
        handle(socket, header[0].getString("type"));
        header[0] = null;
        parser.delimitedMode("\n");
      }
    });
    parser.exceptionHandler(e -> socket.close());
    socket.handler(parser);
  }

  private void handle(NetSocket socket, String type) {
    switch (type == null ? "" : type) {
      case "describe" -> write(socket, "info", new JsonObject().put("satellite", new JsonObject()
          .put("name", "Simulated satellite").put("area", area).put("installed", true)
          .put("attribution", new JsonObject().put("name", "").put("url", "")).put("description", "Simulated satellite")
          .put("version", "1.4.1")));
      case "ping" -> write(socket, "pong", new JsonObject());
      default -> received.add(type);
    }
  }

  private static Future<Void> write(NetSocket socket, String type, JsonObject data) {
    Buffer body = data.toBuffer();
    JsonObject header = new JsonObject().put("type", type).put("version", "1.9.0").put("data_length", body.length());
    return socket.write(Buffer.buffer(header.encode()).appendString("\n").appendBuffer(body));
  }

  /** Sends a transcript on the open connection, as if the satellite heard {@code text}; fails when none is open. */
  public Future<Void> say(String text) {
    NetSocket socket = current;
    if (socket == null || open.get() == 0) {
      return Future.failedFuture(new IllegalStateException("no connection to the satellite in " + area));
    }
    return write(socket, "transcript", new JsonObject().put("text", text).put("language", "en"));
  }

  /** The port it listens on. */
  public int port() {
    return server.actualPort();
  }

  /** The area it reports, which is also its name in tests. */
  public String area() {
    return area;
  }

  /** Connections open now. */
  public int openConnections() {
    return open.get();
  }

  /** The most connections ever open at once: more than one is what a real satellite cannot serve. */
  public int mostOpenConnections() {
    return mostOpen.get();
  }

  /** Connections accepted since it started. */
  public int acceptedConnections() {
    return accepted.get();
  }

  /** The types of the events it received, other than {@code describe} and {@code ping}, in order. */
  public List<String> received() {
    return List.copyOf(received);
  }

  /** Stops listening and closes its connections. */
  public Future<Void> close() {
    return server.close();
  }
}
