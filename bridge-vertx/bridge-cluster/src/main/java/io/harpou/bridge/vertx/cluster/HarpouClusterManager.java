package io.harpou.bridge.vertx.cluster;

import com.hazelcast.config.ClasspathXmlConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.harpou.bridge.vertx.cluster.trust.ClusterTrust;
import io.harpou.bridge.vertx.cluster.trust.EventBusTls;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * Builds the Hazelcast cluster manager a Harpou node joins with: the committed {@code harpou-hazelcast.xml} (no
 * multicast, graceful leave, fast failure detection), with this node's member list or Kubernetes service, port,
 * address and lite membership from {@link ClusterOptions}.
 */
public final class HarpouClusterManager {

  /** The committed configuration, on the class path. */
  public static final String CONFIG_RESOURCE = "io/harpou/bridge/vertx/cluster/harpou-hazelcast.xml";

  private HarpouClusterManager() {
  }

  /**
   * A Vert.x builder for a node: {@code options} with this cluster manager, and the event bus bound to the member's
   * address unless {@code options} already name one ({@code -cluster-host}): left unset, Vert.x would listen on every
   * interface, and the event bus takes requests (a Home Assistant call among them) from whoever connects.
   */
  public static VertxBuilder builder(VertxOptions options, ClusterOptions cluster) {
    VertxOptions copy = new VertxOptions(options);
    if (copy.getEventBusOptions().getHost() == null) {
      copy.getEventBusOptions().setHost(cluster.getHost());
    }
    EventBusTls.apply(copy.getEventBusOptions(), cluster.trust());
    return Vertx.builder().with(copy).withClusterManager(create(cluster));
  }

  /** A cluster manager for Vert.x's builder ({@code Vertx.builder().withClusterManager(...)}). */
  public static ClusterManager create(ClusterOptions options) {
    return new HazelcastClusterManager(config(options));
  }

  /** The Hazelcast configuration for {@code options}: the committed file with this node's settings. */
  public static Config config(ClusterOptions options) {
    Config config = new ClasspathXmlConfig(HarpouClusterManager.class.getClassLoader(), CONFIG_RESOURCE);
    config.setLiteMember(options.isLiteMember());
    config.getNetworkConfig().setPort(options.getPort()).setPortAutoIncrement(false);
    // Hazelcast would otherwise listen on every interface: a member binds only the address it is given.
    config.setProperty("hazelcast.socket.bind.any", "false");
    // Announced without its port: Vert.x takes this as the event bus's public host, which a port would spoil.
    config.getNetworkConfig().setPublicAddress(options.getHost());
    if (options.getHost().matches("[0-9.]+")) {
      config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface(options.getHost());
    }
    JoinConfig join = config.getNetworkConfig().getJoin();
    if (options.getKubernetesDns() != null) {
      join.getTcpIpConfig().setEnabled(false);
      join.getKubernetesConfig().setEnabled(true).setProperty("service-dns", options.getKubernetesDns());
    } else {
      join.getTcpIpConfig().setEnabled(true).setMembers(options.getMembers());
    }
    if (options.trust().getSecret() != null) {
      ClusterTrust.install(config, options.trust().getSecret());
    }
    return config;
  }
}
