package io.harpou.bridge.vertx.cluster.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.harpou.bridge.vertx.cluster.ClusterOptions;
import io.harpou.bridge.vertx.cluster.HomeLease;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.harpou.testkit.Await;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.Lock;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A process on the household's network joins Hazelcast with the cluster's name and port but without the household's
 * cluster secret: the members that know the secret refuse it and drop it from the cluster, keep each other, and the
 * home lease it grabbed goes back to a node of the household.
 */
class ClusterTrustTest {

  private static final String SECRET = "the household's own cluster secret";
  private static final Duration SHUT_OUT = Duration.ofSeconds(60);

  private final Vertx local = Vertx.vertx();
  private ClusterNodes nodes;

  @AfterEach
  void close() {
    if (nodes != null) {
      nodes.close();
    }
    local.close().await();
  }

  @Test
  void should_shut_out_a_member_that_cannot_prove_the_households_secret() throws Exception {
    nodes = new ClusterNodes(3);
    Vertx first = nodes.start(withSecret(nodes.options(0)));
    Set<UUID> removed = watchRemovals(first);
    Vertx second = nodes.start(withSecret(nodes.options(1)));
    Vertx rogue = nodes.start(nodes.options(2));
    UUID rogueId = hazelcast(rogue).getCluster().getLocalMember().getUuid();
    UUID secondId = hazelcast(second).getCluster().getLocalMember().getUuid();

    Await.until("the rogue is dropped from the cluster", SHUT_OUT, () -> removed.contains(rogueId));

    assertThat(ClusterTrust.of(first).orElseThrow().refused()).contains(rogueId).doesNotContain(secondId);
    assertThat(hazelcast(first).getCluster().getMembers()).extracting(Member::getUuid).contains(secondId);
    assertThat(removed).doesNotContain(secondId);
  }

  @Test
  void should_give_the_home_lease_a_rogue_member_holds_back_to_the_household() throws Exception {
    VirtualHomeAssistant home = VirtualHomeAssistant.create(local, new VirtualHomeOptions()).start().await();
    nodes = new ClusterNodes(2);
    Vertx rogue = nodes.start(nodes.options(1));
    Lock grabbed = rogue.sharedData().getLock(HomeLease.LOCK).await();
    Vertx household = nodes.start(withSecret(nodes.options(0)));
    HomeLease lease = HomeLease.start(household, new HomeAssistantOptions(new JsonObject().put("url", home.url())
        .put("token", home.accessToken()))).await();

    Await.until("a node of the household holds the home lease", SHUT_OUT, lease::held);

    assertThat(grabbed).as("the rogue's lock, never released by it").isNotNull();
    lease.close().await();
  }

  private static ClusterOptions withSecret(ClusterOptions options) {
    options.trust().setSecret(SECRET);
    return options;
  }

  private static Set<UUID> watchRemovals(Vertx vertx) {
    Set<UUID> removed = ConcurrentHashMap.newKeySet();
    hazelcast(vertx).getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {
      }

      @Override
      public void memberRemoved(MembershipEvent event) {
        removed.add(event.getMember().getUuid());
      }
    });
    return removed;
  }

  private static HazelcastInstance hazelcast(Vertx vertx) {
    return ((HazelcastClusterManager) ((VertxInternal) vertx).clusterManager()).getHazelcastInstance();
  }
}
