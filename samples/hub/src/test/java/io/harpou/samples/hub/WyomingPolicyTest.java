package io.harpou.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wyoming has no authentication: with the server on 0.0.0.0, a peer on the network may turn on lights but not unlock
 * the front door, unless the configuration names its address. The peer here is this machine reached through its own
 * network address, which the server cannot tell from another machine on the network.
 */
class WyomingPolicyTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dataDir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  /** This machine's first non-loopback IPv4 address; the tests need one to be a network peer. */
  private static String networkAddress() throws SocketException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
          return address.getHostAddress();
        }
      }
    }
    return null;
  }

  private HubHarness hubOnTheNetwork(JsonObject policy) {
    return HubHarness.start(vertx, dataDir, new JsonObject()
        .put("wyoming", new JsonObject().put("host", "0.0.0.0").put("port", 0))
        .put("agent", new JsonObject().put("policy", policy)), false);
  }

  @Test
  void should_refuse_to_unlock_the_front_door_for_a_network_peer_and_still_turn_on_its_light() throws Exception {
    String address = networkAddress();
    assumeTrue(address != null, "this machine has no network address to connect from");
    HubHarness hub = hubOnTheNetwork(new JsonObject());
    JsonObject context = new JsonObject().put("conversation_id", "w1");

    String unlock = hub.wyomingTranscript(address, "unlock the front door", context);
    String yes = hub.wyomingTranscript(address, "yes", context);
    String light = hub.wyomingTranscript(address, "turn on the kitchen light", context);

    assertThat(unlock).isEqualTo("Sorry, I can't do that from this device.");
    assertThat(yes).isNotEqualTo("Done.");
    assertThat(hub.state("lock.front_door")).isEqualTo("locked");
    assertThat(hub.callsOf("lock")).isZero();
    assertThat(light).containsIgnoringCase("kitchen");
    assertThat(hub.state("light.kitchen")).isEqualTo("on");
  }

  @Test
  void should_let_the_address_named_in_protected_from_unlock_after_its_own_yes() throws Exception {
    String address = networkAddress();
    assumeTrue(address != null, "this machine has no network address to connect from");
    HubHarness hub = hubOnTheNetwork(new JsonObject().put("channels", new JsonObject()
        .put("wyoming", new JsonObject().put("protected_from", new JsonArray().add(address)))));
    JsonObject context = new JsonObject().put("conversation_id", "w2");

    String question = hub.wyomingTranscript(address, "unlock the front door", context);
    String loopbackYes = hub.wyomingTranscript("127.0.0.1", "yes", context);

    assertThat(question).isEqualTo("Unlock the front door? Say yes to confirm.");
    assertThat(loopbackYes).isNotEqualTo("Done.");
    assertThat(hub.state("lock.front_door")).isEqualTo("locked");

    assertThat(hub.wyomingTranscript(address, "yes", context)).isEqualTo("Done.");
    assertThat(hub.state("lock.front_door")).isEqualTo("unlocked");
  }

  @Test
  void should_warn_at_start_up_that_wyoming_on_the_network_has_no_authentication() {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      hubOnTheNetwork(new JsonObject());
    } finally {
      System.setOut(original);
    }

    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("0.0.0.0:")
        .contains("no authentication").contains("agent.policy.channels.wyoming.protected_from");
  }
}
