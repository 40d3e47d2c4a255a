package io.harpou.benchmarks.cluster;

import static io.harpou.benchmarks.cluster.Latencies.freePort;

import io.harpou.bridge.vertx.cluster.ClusterOptions;
import io.harpou.bridge.vertx.cluster.HarpouClusterManager;
import io.harpou.bridge.vertx.cluster.SatelliteLeases;
import io.harpou.bridge.vertx.voice.SatelliteConfig;
import io.harpou.bridge.vertx.voice.SatelliteDialer;
import io.harpou.bridge.vertx.voice.VoiceBackends;
import io.harpou.bridge.vertx.voice.VoiceOptions;
import io.harpou.bridge.vertx.voice.WyomingServiceVerticle;
import io.harpou.testkit.Await;
import io.harpou.testkit.wyoming.SatelliteSimulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load harness: how long satellites go unconnected when the edge node holding them is killed (kill -9). This JVM is
 * a data member of the cluster and runs the simulated satellites; two edge nodes run as their own JVMs (voice and the
 * satellite leases, as an edge hub runs them). Each run kills the edge node holding satellites and times until every
 * one of its satellites has a new connection from the other node, then starts the killed node again (it takes
 * nothing back). Every satellite counts its connections: the harness fails if one ever has two.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.harpou.benchmarks.cluster.EdgeFailoverHarness [runs]
 * [satellites]}
 */
public final class EdgeFailoverHarness {

  private static final Duration WAIT = Duration.ofSeconds(120);

  private EdgeFailoverHarness() {
  }

  /** Runs the harness, or with {@code edge} as first argument, one edge node. */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("edge")) {
      edge(Integer.parseInt(args[1]), List.of(args[2].split(",")), List.of(args[3].split(",")));
      return;
    }
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    // This JVM's member port, then the two edge nodes'.
    int[] ports = {freePort(), freePort(), freePort()};
    Vertx vertx = HarpouClusterManager.builder(new VertxOptions(), new ClusterOptions().setPort(ports[0])
        .setMembers(others(ports, 0))).buildClustered().await();
    List<SatelliteSimulator> satellites = new ArrayList<>();
    List<String> satellitePorts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      SatelliteSimulator satellite = SatelliteSimulator.start(vertx, "room" + i).await();
      satellites.add(satellite);
      satellitePorts.add(String.valueOf(satellite.port()));
    }
    Edge[] edges = {Edge.start(ports, 1, satellitePorts), Edge.start(ports, 2, satellitePorts)};
    Await.until("every satellite is connected", WAIT,
        () -> satellites.stream().allMatch(s -> s.openConnections() == 1));
    long[] millis = new long[runs];
    for (int run = 0; run < runs; run++) {
      int victim = edges[0].held.get() > 0 ? 0 : 1;
      int moving = edges[victim].held.get();
      int[] before = satellites.stream().mapToInt(SatelliteSimulator::acceptedConnections).toArray();
      long start = System.nanoTime();
      edges[victim].process.destroyForcibly();
      Await.until("the killed node's satellites are connected again", WAIT, () -> {
        int again = 0;
        for (int i = 0; i < satellites.size(); i++) {
          again += satellites.get(i).acceptedConnections() > before[i] ? 1 : 0;
        }
        return again >= moving && satellites.stream().allMatch(s -> s.openConnections() == 1);
      });
      millis[run] = (System.nanoTime() - start) / 1_000_000;
      System.out.printf("run %d: %d satellites reconnected %d ms after kill -9%n", run + 1, moving, millis[run]);
      edges[victim].process.waitFor();
      edges[victim] = Edge.start(ports, victim + 1, satellitePorts);
      Await.until("the restarted edge node is running", WAIT, () -> edges[victim].running);
      if (satellites.stream().anyMatch(s -> s.mostOpenConnections() > 1)) {
        throw new IllegalStateException("a satellite had two connections at once");
      }
    }
    Arrays.sort(millis);
    System.out.printf("kill -9 to satellites reconnected: p50 %d ms, max %d ms over %d runs, %d satellites; load"
        + " average %.2f%n", millis[(runs - 1) / 2], millis[runs - 1], runs, count,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    for (Edge edge : edges) {
      edge.process.destroyForcibly().waitFor();
    }
    vertx.close().await();
  }

  /** One edge node in its own JVM, with the count of satellites it holds read from its output. */
  private static final class Edge {
    private final Process process;
    private final AtomicInteger held = new AtomicInteger();
    private volatile boolean running;

    private Edge(Process process) {
      this.process = process;
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8))) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith("held ")) {
              held.set(Integer.parseInt(line.substring(5)));
              running = true;
            }
          }
        } catch (IOException e) {
          running = false;
        }
      });
      reader.setDaemon(true);
      reader.start();
    }

    static Edge start(int[] ports, int index, List<String> satellitePorts) throws IOException {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      return new Edge(new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
          EdgeFailoverHarness.class.getName(), "edge", String.valueOf(ports[index]),
          String.join(",", others(ports, index)),
          String.join(",", satellitePorts)).redirectErrorStream(true).start());
    }
  }

  /** An edge node: a lite member running voice and the satellite leases, printing how many it holds each second. */
  private static void edge(int port, List<String> members, List<String> satellitePorts) {
    ClusterOptions options = new ClusterOptions().setPort(port).setMembers(members).setLiteMember(true)
        .setSatelliteClaimDelayMs(3_000);
    Vertx vertx = HarpouClusterManager.builder(new VertxOptions(), options).buildClustered().await();
    List<SatelliteConfig> listed = new ArrayList<>();
    for (int i = 0; i < satellitePorts.size(); i++) {
      listed.add(new SatelliteConfig("127.0.0.1", Integer.parseInt(satellitePorts.get(i)), "room" + i, "sat" + i));
    }
    WyomingServiceVerticle voice = new WyomingServiceVerticle(new VoiceOptions().setPort(0)
        .setReconnectInitialMs(200).setReconnectMaxMs(1_000), VoiceBackends.of(null, null, null));
    vertx.deployVerticle(voice).await();
    SatelliteDialer dialer = voice.dialer();
    SatelliteLeases leases = SatelliteLeases.start(vertx, options, listed.stream().map(SatelliteConfig::id).toList(),
        new SatelliteLeases.Holder() {
          @Override
          public Future<Void> connect(String id) {
            return dialer.dial(listed.get(Integer.parseInt(id.substring(3))));
          }

          @Override
          public Future<Void> disconnect(String id) {
            return dialer.hangUp(id);
          }
        }).await();
    vertx.setPeriodic(1_000, t -> System.out.println("held " + leases.held().size()));
  }

  /** The members other than {@code ports[index]}, as {@code host:port}. */
  private static List<String> others(int[] ports, int index) {
    List<String> members = new ArrayList<>();
    for (int i = 0; i < ports.length; i++) {
      if (i != index) {
        members.add("127.0.0.1:" + ports[i]);
      }
    }
    return members;
  }

}
