package io.harpou.bridge.vertx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.testkit.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Edge nodes as Hazelcast members in this JVM sharing four satellites: each satellite counts the connections it has
 * open at once, as a wyoming-satellite that accepts one would notice a second. (A node killed outright is played with
 * real processes in the hub's cluster test.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SatelliteLeasesTest {

  private static final List<String> SATELLITES = List.of("bedroom-sat", "hall-sat", "kitchen-sat", "office-sat");
  private static final Duration MOVE = Duration.ofSeconds(60);

  private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> mostOpen = new ConcurrentHashMap<>();
  private final List<Vertx> members = new ArrayList<>();
  private final int[] ports = new int[3];
  private Edge first;
  private Edge second;

  /** One edge node: its Vert.x, its leases, the satellites it connected and the lease reports its health saw. */
  private record Edge(Vertx vertx, SatelliteLeases leases, Set<String> connected, List<String> reports) {
  }

  private Edge edge(int index) {
    List<String> others = new ArrayList<>();
    for (int i = 0; i < ports.length; i++) {
      if (i != index) {
        others.add("127.0.0.1:" + ports[i]);
      }
    }
    ClusterOptions options = new ClusterOptions().setPort(ports[index]).setMembers(others)
        .setSatelliteClaimDelayMs(10_000);
    Vertx vertx = HarpouClusterManager.builder(new VertxOptions(), options).buildClustered().await();
    synchronized (members) {
      members.add(vertx);
    }
    Set<String> connected = ConcurrentHashMap.newKeySet();
    List<String> reports = new CopyOnWriteArrayList<>();
    vertx.eventBus().<JsonObject>consumer(BridgeAddresses.EVENTS, m -> {
      if (SatelliteLeases.COMPONENT.equals(m.body().getString("component"))) {
        reports.add(m.body().getString("detail"));
      }
    }).completion().await();
    SatelliteLeases leases = SatelliteLeases.start(vertx, options, SATELLITES, new SatelliteLeases.Holder() {
      @Override
      public Future<Void> connect(String id) {
        int now = open.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        mostOpen.computeIfAbsent(id, k -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        connected.add(id);
        return Future.succeededFuture();
      }

      @Override
      public Future<Void> disconnect(String id) {
        open.get(id).decrementAndGet();
        connected.remove(id);
        return Future.succeededFuture();
      }
    }).await();
    return new Edge(vertx, leases, connected, reports);
  }

  private int mostEverOpen() {
    return mostOpen.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
  }

  @Test
  @Order(1)
  void should_spread_the_satellites_over_edge_nodes_started_together_and_connect_each_once() throws Exception {
    for (int i = 0; i < ports.length; i++) {
      try (ServerSocket socket = new ServerSocket(0)) {
        ports[i] = socket.getLocalPort();
      }
    }
    CompletableFuture<Edge> starting = CompletableFuture.supplyAsync(() -> edge(1));
    first = edge(0);
    second = starting.get(MOVE.toSeconds(), TimeUnit.SECONDS);

    Await.until("every satellite is connected", MOVE,
        () -> first.connected().size() + second.connected().size() == SATELLITES.size());

    assertThat(first.connected()).hasSize(2);
    assertThat(second.connected()).hasSize(2).doesNotContainAnyElementsOf(first.connected());
    assertThat(first.leases().held()).isEqualTo(first.connected());
    String firstReport = "connects " + String.join(", ", new TreeSet<>(first.connected())) + " (2 of 4)";
    Await.until("the first node's health names its satellites", MOVE, () -> first.reports().contains(firstReport));
    assertThat(first.reports()).as("health sees this node's leases only, never the other node's")
        .allSatisfy(report -> second.connected().forEach(id -> assertThat(report).doesNotContain(id)));
    assertThat(mostEverOpen()).as("no satellite ever had two connections").isEqualTo(1);
  }

  @Test
  @Order(2)
  void should_hand_a_leaving_nodes_satellites_to_the_other_without_two_connections() throws Exception {
    second.leases().close().await();
    second.vertx().close().await();
    members.remove(second.vertx());

    Await.until("the remaining edge node connects every satellite", MOVE,
        () -> first.connected().size() == SATELLITES.size());

    assertThat(first.connected()).containsExactlyInAnyOrderElementsOf(SATELLITES);
    assertThat(mostEverOpen()).as("no satellite ever had two connections").isEqualTo(1);
  }

  @Test
  @Order(3)
  void should_leave_working_satellites_where_they_are_when_an_edge_node_joins() throws Exception {
    // Claims begin after the claim delay: the newcomer has checked the leases several times by the end of the wait.
    Edge third = edge(2);
    Await.until("the newcomer has checked the leases", MOVE,
        () -> third.vertx().sharedData().getAsyncMap(SatelliteLeases.EDGE_NODES)
            .compose(m -> m.size()).await() == 2);
    Thread.sleep(15_000);

    assertThat(third.connected()).as("the newcomer took nothing that was working").isEmpty();
    assertThat(first.connected()).containsExactlyInAnyOrderElementsOf(SATELLITES);
    assertThat(mostEverOpen()).isEqualTo(1);
  }

  @AfterAll
  void close() {
    for (Vertx vertx : members) {
      vertx.close().await();
    }
  }
}
