package io.harpou.bridge.vertx.cluster.lease;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.vertx.cluster.ClusterOptions;
import io.harpou.bridge.vertx.cluster.HarpouClusterManager;
import io.harpou.bridge.vertx.cluster.HomeLease;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.harpou.testkit.Await;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Without a shared database the home lease is Hazelcast's lock, which each half of a split cluster would grant: with
 * {@code cluster.min_members} at 2, a home node left alone (its peer gone from its view, as in a split) disconnects
 * from Home Assistant; alone from the start, it never connects.
 */
class HomeLeaseQuorumTest {

  private static final String SECRET = "the household's own cluster secret";
  private static final Duration MOVE = Duration.ofSeconds(60);

  private final Vertx local = Vertx.vertx();
  private Vertx homeNode;
  private Vertx peer;

  @AfterEach
  void close() {
    for (Vertx vertx : new Vertx[] {peer, homeNode, local}) {
      if (vertx != null) {
        vertx.close().await();
      }
    }
  }

  @Test
  void should_give_the_home_up_in_a_half_smaller_than_the_minimum() throws Exception {
    VirtualHomeAssistant home = VirtualHomeAssistant.create(local, new VirtualHomeOptions()).start().await();
    int[] ports = {freePort(), freePort()};
    homeNode = node(ports[0], ports[1]);
    HomeLease lease = HomeLease.start(homeNode, new HomeAssistantOptions(new JsonObject().put("url", home.url())
        .put("token", home.accessToken())), options(ports[0], ports[1])).await();
    assertThat(Await.within(Duration.ofSeconds(5), lease::held)).as("alone, below the minimum").isFalse();

    peer = node(ports[1], ports[0]);
    Await.until("the home node holds the home with its peer", MOVE,
        () -> lease.held() && home.connectionCount() == 1);

    peer.close().await();
    peer = null;

    Await.until("the home node, alone, disconnects", MOVE, () -> !lease.held() && home.connectionCount() == 0);
    lease.close().await();
  }

  private static ClusterOptions options(int port, int other) {
    ClusterOptions options = new ClusterOptions().setPort(port).setMembers(List.of("127.0.0.1:" + other));
    options.trust().setSecret(SECRET).setMinMembers(2);
    return options;
  }

  private static Vertx node(int port, int other) {
    return HarpouClusterManager.builder(new VertxOptions(), options(port, other)).buildClustered().await();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
