package io.harpou.bridge.vertx.cluster.trust;

import io.harpou.bridge.vertx.cluster.ClusterOptions;
import io.harpou.bridge.vertx.cluster.HarpouClusterManager;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Clustered Vert.x nodes on loopback, each knowing the others' Hazelcast ports, closed together. */
final class ClusterNodes implements AutoCloseable {

  private final int[] ports;
  private final List<Vertx> started = new ArrayList<>();

  ClusterNodes(int count) throws IOException {
    ports = new int[count];
    for (int i = 0; i < count; i++) {
      try (ServerSocket socket = new ServerSocket(0)) {
        ports[i] = socket.getLocalPort();
      }
    }
  }

  /** Options for the node at {@code index}: its port, the others as members. */
  ClusterOptions options(int index) {
    List<String> members = Arrays.stream(ports).filter(p -> p != ports[index]).mapToObj(p -> "127.0.0.1:" + p)
        .toList();
    return new ClusterOptions().setPort(ports[index]).setMembers(members);
  }

  /** Starts a clustered Vert.x with {@code options}. */
  Vertx start(ClusterOptions options) {
    Vertx vertx = HarpouClusterManager.builder(new VertxOptions(), options).buildClustered().await();
    started.add(vertx);
    return vertx;
  }

  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      started.get(i).close().await();
    }
  }
}
