package io.harpou.benchmarks.mqtt;

import io.harpou.bridge.api.event.EventPublisher;
import io.harpou.bridge.api.event.SatelliteStateChanged;
import io.harpou.bridge.api.event.SatelliteStateChanged.State;
import io.harpou.bridge.api.voice.SatelliteControl;
import io.harpou.bridge.api.voice.SatelliteSettings;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.health.Health;
import io.harpou.bridge.vertx.mqtt.MqttDiscovery;
import io.harpou.bridge.vertx.mqtt.MqttOptions;
import io.harpou.bridge.vertx.mqtt.MqttSatellite;
import io.harpou.bridge.vertx.mqtt.MqttServices;
import io.harpou.testkit.mqtt.Mosquitto;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Load harness against a real mosquitto: (1) from the moment MQTT discovery starts until a client standing where Home
 * Assistant stands has received the configuration of the hub and of N satellites (default 20), each round on a fresh
 * broker; (2) a satellite's state change published on the event bus until that client receives the new state, one
 * change every 2 ms, as percentiles. Both sides run in this JVM, so one clock measures them. With {@code tls},
 * Harpou reaches the broker over {@code mqtts://} (a certificate authority and a server certificate made with openssl)
 * while the client stays on plain MQTT, so the first TLS handshake of the JVM is Harpou's own.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.harpou.benchmarks.mqtt.MqttDiscoveryHarness [n]
 * [rounds] [changes] [tls]} (needs Debian's mosquitto, and openssl for {@code tls})
 */
public final class MqttDiscoveryHarness {

  /** Entities of the hub without agent, announcer or tasks, and of each satellite without announcer. */
  private static final int HUB_ENTITIES = 4;
  private static final int SATELLITE_ENTITIES = 6;

  private MqttDiscoveryHarness() {
  }

  /** Runs the harness and prints the figures. */
  public static void main(String[] args) throws Exception {
    int satellites = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int changes = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
    boolean tls = args.length > 3 && args[3].equals("tls");
    Vertx vertx = Vertx.vertx();
    Path dir = Files.createTempDirectory("harpou-mqtt-bench");
    if (tls) {
      certificates(dir);
    }
    Database database = Database.open(vertx, dir.resolve("harpou.db")).await();
    Health health = new Health(vertx).listen();
    List<MqttSatellite> list = IntStream.range(0, satellites)
        .mapToObj(i -> new MqttSatellite("sat-" + i, "room " + i, "idle")).toList();
    MqttServices services = MqttServices.of(health, database).withSatellites(() -> list, new Settings());
    int expected = HUB_ENTITIES + satellites * SATELLITE_ENTITIES;
    double[] discovery = new double[rounds];
    double[] afterOnline = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      Path brokerDir = Files.createDirectories(dir.resolve("broker-" + round));
      int tlsPort = freePort();
      try (Mosquitto broker = tls ? Mosquitto.start(brokerDir, List.of("allow_anonymous true",
          "listener " + tlsPort + " 127.0.0.1", "cafile " + dir.resolve("ca.pem"),
          "certfile " + dir.resolve("server.pem"), "keyfile " + dir.resolve("server.key")))
          : Mosquitto.start(brokerDir)) {
        if (tls) {
          listening(tlsPort);
        }
        Map<String, Long> configs = new ConcurrentHashMap<>();
        String availability = "bench" + round + "/status";
        MqttClient ha = observer(vertx, broker.port(), (topic, at) -> {
          if (topic.endsWith("/config") || topic.equals(availability)) {
            configs.putIfAbsent(topic, at);
          }
        });
        long started = System.nanoTime();
        JsonObject config = tls ? new JsonObject().put("url", "mqtts://127.0.0.1:" + tlsPort)
            .put("ca_file", dir.resolve("ca.pem").toString()) : new JsonObject().put("url", broker.url());
        MqttDiscovery running = MqttDiscovery.start(vertx, new MqttOptions(config.put("node_id", "bench" + round)),
            services).await();
        while (configs.size() < expected + 1) {
          Thread.sleep(1);
        }
        long last = configs.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        discovery[round] = (last - started) / 1e6;
        // Harpou's "online" is its first message once connected: from there on is what Home Assistant waits for.
        afterOnline[round] = (last - configs.get(availability)) / 1e6;
        if (round == rounds - 1) {
          latency(vertx, ha, changes);
        }
        running.close().await();
        ha.disconnect().await();
      }
    }
    // The first round pays for class loading and the JIT; the others are a hub that has started before.
    double cold = discovery[0];
    double[] warm = Arrays.copyOfRange(discovery, 1, rounds);
    Arrays.sort(warm);
    System.out.printf("discovery of the hub and %d satellites (%d configurations%s): first round %.1f ms; the other %d"
        + " rounds median %.1f ms, min %.1f ms, max %.1f ms%n", satellites, expected, tls ? ", TLS" : "", cold,
        warm.length,
        warm[warm.length / 2], warm[0], warm[warm.length - 1]);
    double[] warmOnline = Arrays.copyOfRange(afterOnline, 1, rounds);
    Arrays.sort(warmOnline);
    System.out.printf("of which from Harpou's online (connected) to the last configuration: first round %.1f ms; the"
        + " other rounds median %.1f ms, max %.1f ms%n", afterOnline[0], warmOnline[warmOnline.length / 2],
        warmOnline[warmOnline.length - 1]);
    database.close().await();
    vertx.close().await();
  }

  /**
   * State changes of sat-0 on the event bus, one every 2 ms, each timed until the observer receives it. Each change
   * makes one publication and one topic keeps its order at QoS 1, so the i-th arrival is the i-th change (checked by
   * its payload).
   */
  private static void latency(Vertx vertx, MqttClient ha, int changes) throws Exception {
    EventPublisher events = new EventPublisher(vertx);
    State[] states = {State.LISTENING, State.PROCESSING, State.RESPONDING, State.IDLE};
    long[] sent = new long[changes];
    long[] took = new long[changes];
    AtomicInteger arrived = new AtomicInteger();
    AtomicInteger mismatched = new AtomicInteger();
    ha.publishHandler(message -> {
      if (message.topicName().endsWith("/satellite/sat-0/state")) {
        long now = System.nanoTime();
        int i = arrived.getAndIncrement();
        if (i < changes && message.payload().toString().equals(states[i % states.length].jsonName())) {
          took[i] = now - sent[i];
        } else {
          mismatched.incrementAndGet();
        }
      }
    });
    for (int i = 0; i < changes; i++) {
      sent[i] = System.nanoTime();
      events.publish(new SatelliteStateChanged(Instant.now(), "sat-0", "room 0", states[i % states.length], null));
      Thread.sleep(2);
    }
    Thread.sleep(1_000);
    // The first quarter warms the JIT; the rest is measured.
    long[] tail = Arrays.stream(took, changes / 4, changes).filter(t -> t > 0).sorted().toArray();
    System.out.printf("state change to mosquitto to a subscriber, %d changes (%d received, %d out of order or lost,"
        + " last %d measured): p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n", changes, arrived.get(),
        mismatched.get(), tail.length, at(tail, 0.50), at(tail, 0.99), at(tail, 0.999), tail[tail.length - 1] / 1e6);
  }

  private static double at(long[] sorted, double quantile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(quantile * sorted.length))] / 1e6;
  }

  /** A client where Home Assistant stands, subscribed to everything, calling {@code seen} on its own loop. */
  private static MqttClient observer(Vertx vertx, int port, java.util.function.BiConsumer<String, Long> seen) {
    MqttClient client = MqttClient.create(vertx, new MqttClientOptions().setClientId("bench-observer")
        .setMaxInflightQueue(10_000).setMaxMessageSize(1024 * 1024));
    client.publishHandler(m -> seen.accept(m.topicName(), System.nanoTime()));
    client.connect(port, "127.0.0.1").await();
    client.subscribe("#", 1).await();
    return client;
  }

  /** Writes a certificate authority ({@code ca.pem}) and a server certificate for 127.0.0.1 it signed. */
  private static void certificates(Path dir) throws IOException {
    String d = dir + "/";
    Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
    Mosquitto.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "ca.key",
        "-out", d + "ca.pem", "-days", "1", "-subj", "/CN=Harpou benchmark CA"));
    Mosquitto.run(List.of("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "server.key", "-out",
        d + "server.csr", "-subj", "/CN=127.0.0.1"));
    Mosquitto.run(List.of("openssl", "x509", "-req", "-in", d + "server.csr", "-CA", d + "ca.pem", "-CAkey",
        d + "ca.key", "-CAcreateserial", "-out", d + "server.pem", "-days", "1", "-extfile", d + "san.ext"));
  }

  /** Waits for mosquitto's second listener, which it opens after the first. */
  private static void listening(int port) throws InterruptedException {
    for (int tries = 0; tries < 200; tries++) {
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(25);
      }
    }
    throw new IllegalStateException("mosquitto's TLS listener did not open on " + port);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Every satellite at the default settings. */
  private static final class Settings implements SatelliteControl {
    @Override
    public Optional<SatelliteSettings> settings(String satelliteId) {
      return Optional.of(SatelliteSettings.DEFAULT);
    }

    @Override
    public Future<SatelliteSettings> apply(String satelliteId, SatelliteSettings settings) {
      return Future.succeededFuture(settings);
    }
  }
}
