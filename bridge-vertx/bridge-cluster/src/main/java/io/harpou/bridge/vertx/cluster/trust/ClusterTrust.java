package io.harpou.bridge.vertx.cluster.trust;

import com.hazelcast.cluster.InitialMembershipEvent;
import com.hazelcast.cluster.InitialMembershipListener;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.config.Config;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.config.MemberAttributeConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.instance.impl.HazelcastInstanceImpl;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shuts out of the cluster a Hazelcast member that does not prove the household's cluster secret. Open-source
 * Hazelcast authenticates nobody: any process that reaches a member's port and speaks the cluster's name joins. So
 * every Harpou member announces, as the member attribute {@value #PROOF_ATTRIBUTE}, an HMAC of its Vert.x node id
 * under the secret, and every Harpou member checks the others' as they join: one without a valid proof is logged as
 * refused, is never counted among the trusted members, and is suspected, which makes the master drop it from the
 * member list (it may knock again; it is dropped again).
 *
 * <p>This bounds what an intruder on the network can do, it does not make Hazelcast secret: until it is dropped a
 * rogue member can read and change Hazelcast's data (Vert.x's event-bus subscriptions: addresses and node ids, no
 * message), so Harpou keeps nothing secret there; the messages themselves travel on the event bus, which needs the
 * household's certificate.
 */
public final class ClusterTrust implements InitialMembershipListener, HazelcastInstanceAware {

  /** The member attribute carrying the proof. */
  public static final String PROOF_ATTRIBUTE = "harpou.proof";
  /** The attribute Vert.x announces its node id in, the id the proof is made of. */
  static final String NODE_ID_ATTRIBUTE = "__vertx.nodeId";

  private static final long RETRY_MS = 1_000;
  private static final Logger LOG = LoggerFactory.getLogger(ClusterTrust.class);

  private final MemberProof proof;
  private final Set<UUID> refused = ConcurrentHashMap.newKeySet();
  private volatile HazelcastInstance hazelcast;

  private ClusterTrust(MemberProof proof) {
    this.proof = proof;
  }

  /**
   * Makes the member {@code config} describes prove {@code secret} and check the others.
   *
   * @throws IllegalArgumentException when the secret is shorter than 16 characters
   */
  public static ClusterTrust install(Config config, String secret) {
    MemberProof proof = new MemberProof(secret);
    config.setMemberAttributeConfig(new ProvingAttributes(config.getMemberAttributeConfig(), proof));
    ClusterTrust trust = new ClusterTrust(proof);
    config.addListenerConfig(new ListenerConfig(trust));
    return trust;
  }

  /** The trust a clustered {@code vertx} installed, if its cluster manager is Harpou's with a secret. */
  public static Optional<ClusterTrust> of(Vertx vertx) {
    if (!(vertx instanceof VertxInternal internal)
        || !(internal.clusterManager() instanceof HazelcastClusterManager manager)
        || manager.getHazelcastInstance() == null) {
      return Optional.empty();
    }
    return manager.getHazelcastInstance().getConfig().getListenerConfigs().stream()
        .map(ListenerConfig::getImplementation).filter(ClusterTrust.class::isInstance).map(ClusterTrust.class::cast)
        .findFirst();
  }

  /** True when {@code member} proved the secret. */
  public boolean trusts(Member member) {
    return member.localMember() || proof.verifies(member.getAttribute(NODE_ID_ATTRIBUTE),
        member.getAttribute(PROOF_ATTRIBUTE));
  }

  /** How many members of the cluster as this member sees it proved the secret, itself included. */
  public int trustedMembers() {
    HazelcastInstance instance = hazelcast;
    return instance == null ? 0
        : (int) instance.getCluster().getMembers().stream().filter(this::trusts).count();
  }

  /** The Hazelcast ids of the members this member refused since it started. */
  public Set<UUID> refused() {
    return Set.copyOf(refused);
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
    this.hazelcast = hazelcastInstance;
  }

  @Override
  public void init(InitialMembershipEvent event) {
    event.getMembers().forEach(this::check);
  }

  @Override
  public void memberAdded(MembershipEvent event) {
    check(event.getMember());
  }

  @Override
  public void memberRemoved(MembershipEvent event) {
  }

  private void check(Member member) {
    if (trusts(member)) {
      return;
    }
    if (refused.add(member.getUuid())) {
      LOG.warn("Refused cluster member {} ({}): it did not prove the household's cluster secret; shutting it out",
          member.getAddress(), member.getUuid());
    }
    shutOut(member);
  }

  /**
   * Suspects {@code member} until it is gone: Hazelcast ignores a suspicion while a join is still settling, and
   * only the master's removes a member, so this repeats every {@value #RETRY_MS} ms on every trusted member.
   */
  private void shutOut(Member member) {
    CompletableFuture.delayedExecutor(RETRY_MS, TimeUnit.MILLISECONDS).execute(() -> {
      HazelcastInstance instance = hazelcast;
      HazelcastInstanceImpl node = instance instanceof HazelcastInstanceProxy proxy ? proxy.getOriginal()
          : instance instanceof HazelcastInstanceImpl impl ? impl : null;
      if (node == null || !instance.getLifecycleService().isRunning()
          || !instance.getCluster().getMembers().contains(member)) {
        return;
      }
      // Open-source Hazelcast has no public way to expel a member: a suspicion is how its own failure detector
      // does it.
      node.node.getClusterService().suspectMember(member, "no proof of the cluster secret", true);
      shutOut(member);
    });
  }

  /** Adds the proof whenever Vert.x announces its node id, which it chooses only as it joins. */
  private static final class ProvingAttributes extends MemberAttributeConfig {

    private final MemberProof proof;

    ProvingAttributes(MemberAttributeConfig original, MemberProof proof) {
      super(original);
      this.proof = proof;
    }

    @Override
    public MemberAttributeConfig setAttribute(String key, String value) {
      super.setAttribute(key, value);
      if (NODE_ID_ATTRIBUTE.equals(key)) {
        super.setAttribute(PROOF_ATTRIBUTE, proof.of(value));
      }
      return this;
    }
  }
}
