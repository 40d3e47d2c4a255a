package io.harpou.bridge.vertx.cluster.lease;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.vertx.cluster.ClusterOptions;
import io.harpou.bridge.vertx.cluster.HarpouClusterManager;
import io.harpou.bridge.vertx.cluster.HomeLease;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.harpou.testkit.Await;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.harpou.testkit.pg.PostgresServer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two home nodes that cannot see each other's Hazelcast, as the two halves of a split network, share one PostgreSQL
 * database. Whatever happens, the virtual home never has more than one connection: the first node holds the lease;
 * cut off from the database it disconnects before its lease expires, and the other connects; killed, its lease
 * expires and the other connects.
 */
class HomeLeaseSplitTest {

  private static final long TTL_MS = 6_000;
  private static final Duration MOVE = Duration.ofSeconds(60);

  private static PostgresServer postgres;

  private final Vertx local = Vertx.vertx();
  private final List<Vertx> nodes = new ArrayList<>();
  private final AtomicInteger mostConnections = new AtomicInteger();
  private VirtualHomeAssistant home;
  private String database;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = PostgresServer.start();
  }

  @AfterAll
  static void stopPostgres() {
    postgres.close();
  }

  @BeforeEach
  void startHome() throws IOException {
    database = postgres.newDatabase();
    home = VirtualHomeAssistant.create(local, new VirtualHomeOptions()).start().await();
    local.setPeriodic(10, t -> mostConnections.accumulateAndGet(home.connectionCount(), Math::max));
  }

  @AfterEach
  void close() {
    nodes.forEach(node -> node.close().await());
    local.close().await();
  }

  @Test
  void should_move_the_home_to_the_other_half_when_the_holder_loses_the_database() throws Exception {
    CuttableProxy link = CuttableProxy.start(local, postgres.port());
    HomeLease first = homeNode(database.replace(":" + postgres.port() + "/", ":" + link.port() + "/"));
    Await.until("the first node holds the home", MOVE, () -> first.held() && home.connectionCount() == 1);
    HomeLease second = homeNode(database);

    link.cut();

    Await.until("the second node holds the home", MOVE, second::held);
    Await.until("the home is connected again", MOVE, () -> home.connectionCount() == 1);
    assertThat(first.held()).as("the node cut off from the database").isFalse();
    assertThat(mostConnections).as("Home Assistant connections at any one time").hasValue(1);
  }

  @Test
  void should_move_the_home_once_a_killed_holders_lease_expires() throws Exception {
    HomeLease first = homeNode(database);
    Await.until("the first node holds the home", MOVE, () -> first.held() && home.connectionCount() == 1);
    HomeLease second = homeNode(database);
    assertThat(Await.within(Duration.ofSeconds(5), second::held)).as("the second node, while the first lives")
        .isFalse();

    // Killed: its process gone without giving the lease up.
    nodes.remove(0).close().await();

    Await.until("the second node holds the home", MOVE, second::held);
    Await.until("the home is connected again", MOVE, () -> home.connectionCount() == 1);
    assertThat(mostConnections).as("Home Assistant connections at any one time").hasValue(1);
  }

  /** A home node alone in its own Hazelcast cluster, with the home lease in {@code url}. */
  private HomeLease homeNode(String url) throws IOException {
    ClusterOptions options = new ClusterOptions().setPort(freePort()).setRoles("home");
    options.trust().setLeaseDatabaseUrl(url).setLeaseTtlMs(TTL_MS);
    Vertx node = HarpouClusterManager.builder(new VertxOptions(), options).buildClustered().await();
    nodes.add(node);
    HomeAssistantOptions ha = new HomeAssistantOptions(new JsonObject().put("url", home.url())
        .put("token", home.accessToken()));
    return HomeLease.start(node, ha, options).await();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
