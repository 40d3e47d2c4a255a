package io.harpou.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.testkit.Await;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.harpou.testkit.wyoming.SatelliteSimulator;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three hubs in three JVMs on loopback: an agent and home node, and two edge nodes (lite members) listing the same four
 * simulated satellites. The satellites are spread over the two edge nodes; one of them is killed (kill -9) and the
 * other connects its satellites, and a voice turn from a moved satellite acts on the virtual home. Each simulated
 * satellite counts its connections: none ever has two. The killed node then comes back and takes none of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HubEdgeFailoverTest {

  private static final Duration MOVE = Duration.ofSeconds(90);
  private static final List<String> ROOMS = List.of("kitchen", "bedroom", "office", "hall");

  private final Vertx vertx = Vertx.vertx();
  private final List<NodeProcess> nodes = new ArrayList<>();
  private final Map<String, SatelliteSimulator> satellites = new ConcurrentHashMap<>();
  private final Map<String, JsonObject> configs = new ConcurrentHashMap<>();
  private VirtualHomeAssistant home;
  private NodeProcess edgeA;
  private NodeProcess edgeB;

  @TempDir
  static Path dir;

  @BeforeAll
  void startCluster() throws Exception {
    home = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions()).start().await();
    JsonArray listed = new JsonArray();
    for (String room : ROOMS) {
      SatelliteSimulator satellite = SatelliteSimulator.start(vertx, room).await();
      satellites.put(room, satellite);
      listed.add(new JsonObject().put("host", "127.0.0.1").put("port", satellite.port()).put("room", room)
          .put("id", room + "-sat"));
    }
    int[] ports = {freePort(), freePort(), freePort()};
    NodeProcess brain = start("brain", "agent,home", false, ports, 0, listed);
    // A lite member cannot form a cluster alone: the edge nodes join once a data member is up.
    brain.awaitRunning();
    edgeA = start("edge-a", "edge", true, ports, 1, listed);
    edgeB = start("edge-b", "edge", true, ports, 2, listed);
    for (NodeProcess node : nodes) {
      node.awaitRunning();
    }
    Await.until("a home node holds the Home Assistant connection", MOVE, () -> home.connectionCount() == 1);
    Await.until("every satellite is connected", MOVE,
        () -> satellites.values().stream().allMatch(s -> s.openConnections() == 1));
  }

  private NodeProcess start(String name, String roles, boolean lite, int[] ports, int index, JsonArray listed)
      throws IOException {
    JsonArray members = new JsonArray();
    for (int i = 0; i < ports.length; i++) {
      if (i != index) {
        members.add("127.0.0.1:" + ports[i]);
      }
    }
    JsonObject config = new JsonObject().put("data_dir", dir.resolve(name).resolve("data").toString())
        .put("http", new JsonObject().put("port", 0)).put("wyoming", new JsonObject().put("port", 0))
        .put("voice", new JsonObject().put("satellites", listed).put("reconnect_initial_ms", 200)
            .put("reconnect_max_ms", 1_000))
        .put("memory", new JsonObject().put("enabled", false))
        .put("monitors", new JsonObject().put("enabled", false))
        .put("home_assistant", new JsonObject().put("url", home.url()).put("token", home.accessToken()))
        // Both edge nodes start together: the claim delay lets each see the other before taking satellites.
        .put("cluster", new JsonObject().put("roles", roles).put("port", ports[index]).put("host", "127.0.0.1")
            .put("members", members).put("lite_member", lite).put("satellite_claim_delay_ms", 20_000));
    configs.put(name, config);
    NodeProcess node = NodeProcess.start(name, dir.resolve(name), config);
    nodes.add(node);
    return node;
  }

  /** The satellites an edge node said it took, by room. */
  private static List<String> taken(NodeProcess edge) {
    return ROOMS.stream().filter(room -> edge.printed("holds the lease of satellite " + room + "-sat")).toList();
  }

  @AfterAll
  void stopCluster() throws Exception {
    for (NodeProcess node : nodes) {
      node.close();
    }
    vertx.close().await();
  }

  @Test
  @Order(1)
  void should_spread_the_satellites_over_both_edge_nodes_and_connect_each_once() {
    List<String> onA = taken(edgeA);
    List<String> onB = taken(edgeB);

    assertThat(onA).as("edge-a's satellites").isNotEmpty().doesNotContainAnyElementsOf(onB);
    assertThat(onB).as("edge-b's satellites").isNotEmpty();
    assertThat(onA.size() + onB.size()).isEqualTo(ROOMS.size());
    assertThat(satellites.values()).allSatisfy(s -> assertThat(s.mostOpenConnections()).as(s.area()).isEqualTo(1));
  }

  @Test
  @Order(2)
  void should_reconnect_a_killed_edge_nodes_satellites_through_the_other_one_and_act_on_the_home() throws Exception {
    List<String> moved = taken(edgeA);
    Map<String, Integer> acceptedBefore = new ConcurrentHashMap<>();
    moved.forEach(room -> acceptedBefore.put(room, satellites.get(room).acceptedConnections()));

    edgeA.kill();

    for (String room : moved) {
      edgeB.awaitLine("holds the lease of satellite " + room + "-sat", MOVE);
    }
    Await.until("the killed node's satellites are connected again", MOVE, () -> moved.stream().allMatch(room ->
        satellites.get(room).openConnections() == 1
            && satellites.get(room).acceptedConnections() > acceptedBefore.get(room)));
    String room = moved.contains("kitchen") ? "kitchen" : moved.get(0);
    String light = "light." + (room.equals("kitchen") ? "kitchen" : "bedroom");
    String before = home.state(light).getString("state");
    String wanted = "on".equals(before) ? "off" : "on";
    Await.until("a voice turn from the moved satellite acts on the home", MOVE, () -> {
      satellites.get(room).say("turn " + wanted + " the " + light.substring(6) + " light").await();
      return Await.within(Duration.ofSeconds(10), () -> wanted.equals(home.state(light).getString("state")));
    });

    assertThat(home.state(light).getString("state")).isEqualTo(wanted);
    assertThat(satellites.values()).allSatisfy(s -> {
      assertThat(s.openConnections()).as(s.area() + " connected").isEqualTo(1);
      assertThat(s.mostOpenConnections()).as(s.area() + " never had two connections").isEqualTo(1);
    });
  }

  @Test
  @Order(3)
  void should_leave_the_satellites_on_the_survivor_when_the_killed_edge_node_comes_back() throws Exception {
    int[] accepted = satellites.values().stream().mapToInt(SatelliteSimulator::acceptedConnections).toArray();
    NodeProcess back = NodeProcess.start("edge-a", dir.resolve("edge-a"), configs.get("edge-a"));
    nodes.add(back);
    back.awaitRunning();

    // Past its claim delay (20 s), the node back has checked the leases several times.
    Thread.sleep(30_000);

    assertThat(taken(back)).as("satellites the node back took from the survivor").isEmpty();
    assertThat(satellites.values().stream().mapToInt(SatelliteSimulator::acceptedConnections).toArray())
        .as("no satellite was dialed again").isEqualTo(accepted);
    assertThat(satellites.values()).allSatisfy(s -> {
      assertThat(s.openConnections()).as(s.area() + " connected").isEqualTo(1);
      assertThat(s.mostOpenConnections()).as(s.area() + " never had two connections").isEqualTo(1);
    });
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
