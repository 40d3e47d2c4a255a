package io.harpou.bridge.vertx.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.cluster.NodeInfo;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Neither Hazelcast nor the event bus authenticates its peers, so a node started with no address listens on loopback
 * only: a program on the network that dials this machine's other address reaches neither the membership port nor the
 * event bus, and so can neither join nor send a Home Assistant call.
 */
class ClusterBindTest {

  private Vertx vertx;

  @AfterEach
  void close() {
    if (vertx != null) {
      vertx.close().await();
    }
  }

  @Test
  void should_refuse_a_peer_on_the_network_when_no_address_is_configured() throws Exception {
    Optional<InetAddress> outside = networkAddress();
    assumeTrue(outside.isPresent(), "this machine has no address beyond loopback to dial");
    int port = freePort();

    vertx = HarpouClusterManager.builder(new VertxOptions(), new ClusterOptions().setPort(port)).buildClustered()
        .await();
    NodeInfo bus = ((VertxInternal) vertx).clusterManager().getNodeInfo();

    assertThat(reachable(InetAddress.getLoopbackAddress(), port)).as("members on this machine join").isTrue();
    assertThatThrownBy(() -> dial(outside.get(), port)).as("Hazelcast from the network")
        .isInstanceOf(ConnectException.class);
    assertThatThrownBy(() -> dial(outside.get(), bus.port())).as("the event bus from the network")
        .isInstanceOf(ConnectException.class);
  }

  private static boolean reachable(InetAddress address, int port) throws IOException {
    dial(address, port);
    return true;
  }

  private static void dial(InetAddress address, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 2_000);
    }
  }

  private static Optional<InetAddress> networkAddress() throws IOException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp() && !nic.isLoopback()) {
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address) {
            return Optional.of(address);
          }
        }
      }
    }
    return Optional.empty();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
