package io.harpou.bridge.vertx.cluster.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.vertx.cluster.ClusterOptions;
import io.harpou.bridge.vertx.cluster.impl.HomeService;
import io.harpou.bridge.vertx.ha.HomeAssistantVerticle;
import io.harpou.testkit.Await;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processes on the household's network that join Hazelcast with the cluster's name but hold no certificate of the
 * household's CA (one with none at all, one with a certificate of its own CA) try the event bus's doors: asking the
 * agent and calling Home Assistant through the home node. Nothing reaches the agent or the virtual home, while a node
 * with the household's certificate is served.
 */
class EventBusTlsTest {

  private static final JsonObject UNLOCK = new JsonObject().put("op", "call_service").put("call", new JsonObject()
      .put("domain", "lock").put("service", "unlock").put("target", new JsonObject().put("entity_id", "lock.front_door")));

  @TempDir
  Path certs;

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
  void should_deliver_nothing_from_a_node_without_the_households_certificate() throws Exception {
    ClusterCertificates.create(certs, List.of("home", "edge"));
    ClusterCertificates.create(certs.resolve("foreign"), List.of("impostor"));
    VirtualHomeAssistant home = VirtualHomeAssistant.create(local, new VirtualHomeOptions()).start().await();
    nodes = new ClusterNodes(4);
    Vertx homeNode = nodes.start(withCertificate(nodes.options(0), certs, "home"));
    AtomicInteger asked = new AtomicInteger();
    homeNode.eventBus().<JsonObject>consumer(BridgeAddresses.AGENT_ASK, m -> {
      asked.incrementAndGet();
      m.reply(new JsonObject());
    }).completion().await();
    serveHome(homeNode, home);
    Vertx edge = nodes.start(withCertificate(nodes.options(1), certs, "edge"));
    Vertx rogue = nodes.start(nodes.options(2));
    Vertx impostor = nodes.start(withCertificate(nodes.options(3), certs.resolve("foreign"), "impostor"));

    for (Vertx stranger : List.of(rogue, impostor)) {
      DeliveryOptions quick = new DeliveryOptions().setSendTimeout(3_000);
      Future<?> unlock = stranger.eventBus().request(BridgeAddresses.HOME_CALL, UNLOCK, quick);
      Future<?> ask = stranger.eventBus().request(BridgeAddresses.AGENT_ASK,
          new JsonObject().put("text", "unlock the front door"), quick);
      Await.until("the stranger's requests end", Duration.ofSeconds(20), () -> unlock.isComplete() && ask.isComplete());

      assertThat(unlock.failed()).as("a stranger's Home Assistant call").isTrue();
      assertThat(ask.failed()).as("a stranger's turn").isTrue();
    }
    assertThat(asked).as("turns that reached the agent").hasValue(0);
    assertThat(home.calls()).as("calls that reached Home Assistant").isEmpty();
    assertThat(home.state("lock.front_door").getString("state")).isEqualTo("locked");

    JsonObject served = edge.eventBus().<JsonObject>request(BridgeAddresses.HOME_CALL, UNLOCK).await().body();
    assertThat(served.containsKey("error")).as("%s", served).isFalse();
    assertThat(home.state("lock.front_door").getString("state")).isEqualTo("unlocked");
  }

  private static ClusterOptions withCertificate(ClusterOptions options, Path dir, String node) {
    options.trust().setTls(dir.resolve(node + ".pem").toString(), dir.resolve(node + ".key").toString(),
        dir.resolve("ca.pem").toString());
    return options;
  }

  private static void serveHome(Vertx vertx, VirtualHomeAssistant home) {
    HomeAssistantVerticle client = new HomeAssistantVerticle();
    JsonObject config = new JsonObject().put("url", home.url()).put("token", home.accessToken())
        .put("wait_for_connect", true);
    vertx.deployVerticle(client, new DeploymentOptions().setConfig(config)).await();
    new HomeService(client.gateway()).start(vertx).await();
  }
}
