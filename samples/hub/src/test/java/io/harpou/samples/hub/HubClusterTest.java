package io.harpou.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.testkit.Await;
import io.harpou.testkit.ha.RecordedServiceCall;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.harpou.testkit.pg.PostgresServer;
import io.harpou.wyoming.WyomingClient;
import io.harpou.wyoming.WyomingClientOptions;
import io.harpou.wyoming.WyomingConnection;
import io.harpou.wyoming.message.Asr;
import io.harpou.wyoming.message.Handle;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four hubs in four JVMs on loopback form one cluster, as a household would spread them: an edge node (Wyoming, the
 * HTTP API; a lite member), an agent node, and two home nodes of which one holds the Home Assistant connection. Voice
 * turns enter on the edge node and act on the virtual home through the home node; then the home node is killed and
 * the role moves, and the agent node is killed mid-turn. The virtual home, run by this test, counts what was done; the
 * nodes share one PostgreSQL database, whose audit log says what the agent nodes finished and which holds the home
 * lease. The nodes prove the household's cluster secret and speak TLS on the event bus with its CA's certificates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HubClusterTest {

  private static final Duration MOVE = Duration.ofSeconds(60);
  private static final Pattern WYOMING_PORT = Pattern.compile("Wyoming on port (\\d+)");

  private final Vertx vertx = Vertx.vertx();
  private final List<NodeProcess> nodes = new ArrayList<>();
  private VirtualHomeAssistant home;
  private PostgresServer postgres;
  private NodeProcess edge;
  private NodeProcess agent;
  private NodeProcess homeA;
  private NodeProcess homeB;

  @TempDir
  static Path dir;

  @BeforeAll
  void startCluster() throws Exception {
    home = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions()).start().await();
    postgres = PostgresServer.start();
    int[] ports = {freePort(), freePort(), freePort(), freePort()};
    // The household's cluster: its secret and its CA's certificates, as `harpou cluster-certs` makes them.
    assertThat(ClusterCertsMain.run(new String[] {dir.resolve("certs").toString(), "agent", "home-a", "home-b",
        "edge"}, System.out, System.err)).isZero();
    agent = start("agent", "agent", false, ports, 1);
    homeA = start("home-a", "home", false, ports, 2);
    homeB = start("home-b", "home", false, ports, 3);
    // A lite member cannot form a cluster alone: the edge node joins once a data member is up.
    agent.awaitRunning();
    edge = start("edge", "edge,api", true, ports, 0);
    for (NodeProcess node : nodes) {
      node.awaitRunning();
    }
    Await.until("a home node holds the Home Assistant connection", MOVE,
        () -> holder() != null && home.connectionCount() == 1);
  }

  private NodeProcess start(String name, String roles, boolean lite, int[] ports, int index) throws IOException {
    JsonArray members = new JsonArray();
    for (int i = 0; i < ports.length; i++) {
      if (i != index) {
        members.add("127.0.0.1:" + ports[i]);
      }
    }
    JsonObject config = new JsonObject().put("data_dir", dir.resolve(name).resolve("data").toString())
        .put("http", new JsonObject().put("port", 0)).put("wyoming", new JsonObject().put("port", 0))
        .put("memory", new JsonObject().put("enabled", false))
        .put("monitors", new JsonObject().put("enabled", false))
        .put("home_assistant", new JsonObject().put("url", home.url()).put("token", home.accessToken()))
        .put("database", new JsonObject().put("url", postgres.url()))
        .put("cluster", new JsonObject().put("roles", roles).put("port", ports[index]).put("host", "127.0.0.1")
            .put("members", members).put("lite_member", lite).put("agent_timeout_ms", 10_000)
            .put("secret", "the household's own cluster secret").put("tls", certificates(name)));
    NodeProcess node = NodeProcess.start(name, dir.resolve(name), config);
    nodes.add(node);
    return node;
  }

  private static JsonObject certificates(String node) {
    Path certs = dir.resolve("certs");
    return new JsonObject().put("cert", certs.resolve(node + ".pem").toString())
        .put("key", certs.resolve(node + ".key").toString()).put("ca", certs.resolve("ca.pem").toString());
  }

  /** The living home node that announced taking the lease. */
  private NodeProcess holder() {
    return List.of(homeA, homeB).stream().filter(n -> n.alive() && n.printed("holds the home lease")).findFirst()
        .orElse(null);
  }

  @AfterAll
  void stopCluster() throws Exception {
    for (NodeProcess node : nodes) {
      node.close();
    }
    vertx.close().await();
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @Order(1)
  void should_act_on_the_home_through_the_home_node_when_a_voice_turn_enters_on_the_edge_node() throws Exception {
    assertThat(state("light.kitchen")).isEqualTo("off");

    String reply = say("turn on the kitchen light");

    assertThat(reply).containsIgnoringCase("kitchen");
    assertThat(state("light.kitchen")).isEqualTo("on");
    assertThat(home.connectionCount()).as("one Home Assistant connection in the whole cluster").isEqualTo(1);
  }

  @Test
  @Order(2)
  void should_move_the_home_role_to_the_other_home_node_when_its_holder_is_killed() throws Exception {
    NodeProcess first = holder();
    NodeProcess second = first == homeA ? homeB : homeA;
    first.kill();

    second.awaitLine("holds the home lease", MOVE);
    Await.until("the new home node is connected", MOVE, () -> home.connectionCount() == 1);
    String reply = Await.value("a turn acts through the new home node", MOVE, () -> {
      String text = say("turn off the kitchen light");
      return "off".equals(state("light.kitchen")) ? text : null;
    });

    assertThat(reply).containsIgnoringCase("kitchen");
    assertThat(home.connectionCount()).as("never two Home Assistant connections").isEqualTo(1);
    assertThat(Long.parseLong(postgres.psql("SELECT epoch FROM harpou_role_lease WHERE role = 'home'").strip()))
        .as("the lease's fencing epoch, raised when the role moved").isGreaterThan(1);
  }

  @Test
  @Order(3)
  void should_say_the_truth_and_act_once_when_the_agent_node_is_killed_mid_turn() throws Exception {
    int before = turnOns("light.bedroom");
    // Home Assistant runs the call but holds its answer: the agent node is waiting in the middle of the turn.
    home.faults().stallReplies(true);
    CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> say("turn on the bedroom light"));
    Await.until("the light is on and the turn waits for Home Assistant's answer", MOVE, () -> {
      assertThat(answer).as("the turn is still waiting").isNotDone();
      return "on".equals(state("light.bedroom"));
    });

    agent.kill();
    home.faults().stallReplies(false);
    String reply = answer.get(60, TimeUnit.SECONDS);

    assertThat(reply).contains("stopped answering").contains("cannot tell whether it was done");
    assertThat(turnOns("light.bedroom")).as("the action ran once, and no node sent it again").isEqualTo(before + 1);
    String next = say("turn off the bedroom light");
    assertThat(next).as("with no agent node left, a turn is refused truthfully").contains("No agent is running");
    assertThat(state("light.bedroom")).isEqualTo("on");
    assertThat(turnOns("light.bedroom")).isEqualTo(before + 1);
  }

  @Test
  @Order(4)
  void should_keep_one_audit_row_in_the_shared_database_for_every_action_an_agent_node_finished() throws Exception {
    List<String> rows = postgres.psql("SELECT tool || ' ' || arguments || ' ' || outcome FROM audit_log ORDER BY id")
        .lines().filter(line -> !line.isBlank()).toList();

    assertThat(rows).as("the two finished turns; the killed one never finished on its agent node").hasSize(2);
    assertThat(rows.get(0)).contains("kitchen");
    assertThat(rows.get(1)).contains("kitchen");
    assertThat(rows).noneMatch(row -> row.contains("bedroom"));
  }

  private String say(String text) {
    int port = Integer.parseInt(edge.find(WYOMING_PORT).orElseThrow());
    WyomingConnection connection = WyomingClient.create(vertx, new WyomingClientOptions())
        .connect("127.0.0.1", port).await();
    try {
      Promise<String> handled = Promise.promise();
      connection.handler(event -> {
        if (Handle.Handled.TYPE.equals(event.type())) {
          handled.tryComplete(Handle.Handled.fromEvent(event).text());
        } else if (Handle.NotHandled.TYPE.equals(event.type())) {
          handled.tryComplete(Handle.NotHandled.fromEvent(event).text());
        }
      });
      connection.write(new Asr.Transcript(text, "en", new JsonObject())).await();
      return handled.future().await(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("no answer to '" + text + "' within 60 s", e);
    } finally {
      connection.close();
    }
  }

  private String state(String entityId) {
    return home.state(entityId).getString("state");
  }

  private int turnOns(String entityId) {
    return (int) home.calls().stream().filter(c -> c.service().equals("turn_on"))
        .map(RecordedServiceCall::entityIds).filter(ids -> ids.contains(entityId)).count();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
