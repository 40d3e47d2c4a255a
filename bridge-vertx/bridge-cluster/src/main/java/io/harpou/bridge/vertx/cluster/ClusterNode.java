package io.harpou.bridge.vertx.cluster;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.vertx.cluster.impl.ClusterHealth;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * This node's part of a Harpou cluster: the home as every node sees it ({@link ClusterHome}), the agent on other
 * nodes when this one has no {@code agent} role ({@link RemoteAgent}), the competition for the home role when it has
 * the {@code home} role ({@link HomeLease}), and the cluster's health. Start it on a clustered Vert.x, before the
 * bridge that uses its parts; close it after.
 */
public final class ClusterNode {

  private final Set<NodeRole> roles;
  private final ClusterHome home;
  private final Agent agent;
  private final HomeLease lease;
  private final ClusterHealth health;

  private ClusterNode(Set<NodeRole> roles, ClusterHome home, Agent agent, HomeLease lease, ClusterHealth health) {
    this.roles = roles;
    this.home = home;
    this.agent = agent;
    this.lease = lease;
    this.health = health;
  }

  /**
   * Starts this node's part.
   *
   * @param homeAssistant the Home Assistant to connect to when this node takes the home role; required with that role
   * @return fails with {@link BridgeException} when Vert.x is not clustered or a home node has no Home Assistant
   */
  public static Future<ClusterNode> start(Vertx vertx, ClusterOptions options, HomeAssistantOptions homeAssistant) {
    if (!vertx.isClustered()) {
      return Future.failedFuture(new BridgeException("cluster roles need a clustered Vert.x (start with -cluster)"));
    }
    Set<NodeRole> roles = options.roles();
    if (roles.contains(NodeRole.HOME) && homeAssistant == null) {
      return Future.failedFuture(new BridgeException("a node with the home role needs Home Assistant's URL and token"
          + " (home_assistant.url, HARPOU_HA_URL)"));
    }
    String names = roles.stream().map(NodeRole::jsonName).collect(Collectors.joining(","));
    ClusterHealth health = new ClusterHealth(vertx, names).start();
    Agent agent = roles.contains(NodeRole.AGENT) ? null : new RemoteAgent(vertx, options);
    return ClusterHome.start(vertx, options).compose(home -> {
      Future<HomeLease> lease = roles.contains(NodeRole.HOME) ? HomeLease.start(vertx, homeAssistant, options)
          : Future.succeededFuture();
      return lease.map(l -> new ClusterNode(roles, home, agent, l, health));
    }).onFailure(e -> health.close());
  }

  /** This node's roles. */
  public Set<NodeRole> roles() {
    return roles;
  }

  /** True when this node runs {@code role}. */
  public boolean has(NodeRole role) {
    return roles.contains(role);
  }

  /** The home, wherever its connection runs. */
  public ClusterHome home() {
    return home;
  }

  /** The agent on the agent nodes, when this node runs none itself. */
  public Optional<Agent> remoteAgent() {
    return Optional.ofNullable(agent);
  }

  /** True while this node holds the home role. */
  public boolean holdsHome() {
    return lease != null && lease.held();
  }

  /** Tells the cluster's health again, to a bridge started after this node joined. */
  public void announceHealth() {
    health.announce();
  }

  /** Gives the home role up (another node takes it), then stops mirroring and checking. */
  public Future<Void> close() {
    Future<Void> released = lease == null ? Future.succeededFuture() : lease.close();
    return released.eventually(() -> {
      health.close();
      return home.close();
    });
  }
}
