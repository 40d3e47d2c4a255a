package io.harpou.benchmarks.cluster;

import static io.harpou.benchmarks.cluster.Latencies.freePort;
import static io.harpou.benchmarks.cluster.Latencies.ms;
import static io.harpou.benchmarks.cluster.Latencies.pct;
import static io.harpou.benchmarks.cluster.Latencies.report;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.bridge.vertx.RemoteParts;
import io.harpou.bridge.vertx.cluster.ClusterNode;
import io.harpou.bridge.vertx.cluster.ClusterOptions;
import io.harpou.bridge.vertx.cluster.HarpouClusterManager;
import io.harpou.bridge.vertx.cluster.trust.ClusterCertificates;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.harpou.testkit.Await;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Load harness: the latency a cluster adds to a turn. The same turns ("turn on / off the kitchen light", the intent
 * matcher's fast path acting on the virtual home) run first in one process, then entering on an edge node and crossing
 * to an agent node ({@code harpou.agent.ask}) and from there to the home node ({@code harpou.home.call}): three
 * clustered Vert.x instances with their own Hazelcast members, in this JVM but talking over loopback TCP as separate
 * hosts would. The difference of the percentiles is what the two hops cost. With {@code tls}, the three nodes speak
 * TLS on the event bus with certificates of one household CA, as {@code cluster.tls} configures them.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.harpou.benchmarks.cluster.ClusterTurnHarness [turns]
 * [tls]}
 */
public final class ClusterTurnHarness {

  private static Path tls;

  private ClusterTurnHarness() {
  }

  /** Runs the harness and prints the figures. */
  public static void main(String[] args) throws Exception {
    int turns = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    tls = args.length > 1 && args[1].equals("tls") ? Files.createTempDirectory("harpou-cluster-certs") : null;
    if (tls != null) {
      ClusterCertificates.create(tls, List.of("node0", "node1", "node2"));
    }
    Vertx local = Vertx.vertx();
    VirtualHomeAssistant home = VirtualHomeAssistant.create(local, new VirtualHomeOptions()).start().await();
    JsonObject homeSection = new JsonObject().put("url", home.url()).put("token", home.accessToken());

    Bridge alone = Bridge.create(local, new BridgeOptions(bridgeConfig().put("home_assistant", homeSection))).start()
        .await();
    long[] oneProcess = measure(alone.agent().orElseThrow(), turns);
    alone.close().await();
    report("one process", oneProcess, "turn");

    int[] ports = {freePort(), freePort(), freePort()};
    // A lite member cannot start a cluster alone (it holds no partition): the data members come first.
    Vertx homeVertx = clustered(ports, 2, false);
    Vertx agentVertx = clustered(ports, 1, false);
    Vertx edgeVertx = clustered(ports, 0, true);
    HomeAssistantOptions homeOptions = new HomeAssistantOptions(homeSection);
    ClusterNode homeNode = ClusterNode.start(homeVertx, options(ports, 2).setRoles("home"), homeOptions).await();
    Await.until("the home node holds the lease", Duration.ofSeconds(60), homeNode::holdsHome);
    ClusterNode agentNode = ClusterNode.start(agentVertx, options(ports, 1).setRoles("agent"), null).await();
    Await.until("the agent node mirrors the home", Duration.ofSeconds(60),
        () -> agentNode.home().state("light.kitchen").isPresent());
    Bridge agentBridge = Bridge.create(agentVertx, new BridgeOptions(bridgeConfig()),
        new RemoteParts(agentNode.home(), null)).start().await();
    ClusterNode edgeNode = ClusterNode.start(edgeVertx, options(ports, 0).setRoles("edge"), null).await();
    long[] crossing = measure(edgeNode.remoteAgent().orElseThrow(), turns);

    report("edge -> agent -> home nodes" + (tls == null ? "" : " (event bus over TLS)"), crossing, "turn");
    System.out.printf("added by the cluster: p50 %.3f ms, p99 %.3f ms%n",
        ms(pct(crossing, 50) - pct(oneProcess, 50)), ms(pct(crossing, 99) - pct(oneProcess, 99)));
    System.out.printf("load average at the end: %.2f%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    edgeNode.close().await();
    agentBridge.close().await();
    agentNode.close().await();
    homeNode.close().await();
    for (Vertx vertx : List.of(edgeVertx, agentVertx, homeVertx, local)) {
      vertx.close().await();
    }
  }

  private static JsonObject bridgeConfig() throws IOException {
    return new JsonObject().put("data_dir", Files.createTempDirectory("harpou-cluster-bench").toString())
        .put("memory", new JsonObject().put("enabled", false)).put("monitors", new JsonObject().put("enabled", false))
        .put("http", new JsonObject().put("enabled", false));
  }

  private static ClusterOptions options(int[] ports, int index) {
    List<String> members = Arrays.stream(ports).filter(p -> p != ports[index]).mapToObj(p -> "127.0.0.1:" + p)
        .toList();
    ClusterOptions options = new ClusterOptions().setPort(ports[index]).setHost("127.0.0.1").setMembers(members)
        .setLiteMember(index == 0);
    if (tls != null) {
      options.trust().setTls(tls.resolve("node" + index + ".pem").toString(),
          tls.resolve("node" + index + ".key").toString(), tls.resolve("ca.pem").toString());
    }
    return options;
  }

  private static Vertx clustered(int[] ports, int index, boolean lite) {
    return HarpouClusterManager.builder(new VertxOptions(), options(ports, index).setLiteMember(lite))
        .buildClustered().await();
  }

  /** Half the turns warm up; the other half are measured. */
  private static long[] measure(Agent agent, int turns) {
    long[] nanos = new long[turns / 2];
    for (int i = 0; i < turns; i++) {
      String text = i % 2 == 0 ? "turn on the kitchen light" : "turn off the kitchen light";
      long start = System.nanoTime();
      String speech = agent.ask(text).await().speech();
      long took = System.nanoTime() - start;
      if (!speech.toLowerCase().contains("kitchen")) {
        throw new IllegalStateException("the turn did not act: " + speech);
      }
      if (i >= turns - nanos.length) {
        nanos[i - (turns - nanos.length)] = took;
      }
    }
    Arrays.sort(nanos);
    return nanos;
  }
}
