package io.harpou.tools.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Which addresses count as the household's own network. Nothing here connects anywhere. */
class AddressGuardTest {

  @Test
  void should_hold_loopback_private_link_local_and_embedded_forms_as_the_households_own() throws Exception {
    for (String own : new String[] {"127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.5.4", "172.31.255.255",
        "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "255.255.255.255", "224.0.0.1", "::1", "::",
        "fd00::1", "fc12::5", "fe80::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "64:ff9b::a00:1",
        "2002:c0a8:0101::1", "::7f00:1"}) {
      assertThat(AddressGuard.isPublic(InetAddress.getByName(own))).as(own).isFalse();
    }
  }

  @Test
  void should_hold_public_addresses_as_public() throws Exception {
    for (String open : new String[] {"93.184.216.34", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
        "2a00:1450:4007:80e::200e"}) {
      assertThat(AddressGuard.isPublic(InetAddress.getByName(open))).as(open).isTrue();
    }
  }

  @Test
  void should_let_a_listed_host_and_port_through_and_nothing_else() throws Exception {
    AddressGuard guard = new AddressGuard(new JsonObject().put("allowed_hosts", new JsonArray()
        .add("wiki.home.lan").add("127.0.0.1:8123")));
    InetAddress loopback = InetAddress.getByName("127.0.0.1");

    assertThat(guard.refusal("127.0.0.1", 8123, loopback)).isNull();
    assertThat(guard.refusal("wiki.home.lan", 80, InetAddress.getByName("192.168.1.9"))).isNull();
    assertThat(guard.refusal("127.0.0.1", 22, loopback)).contains("household's own network");
    assertThat(guard.refusal("localhost", 8123, loopback)).contains("household's own network");
  }
}
