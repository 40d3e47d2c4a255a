package io.harpou.bridge.vertx.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.tool.Risk;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy's configuration: which network peers a channel trusts with protected actions. */
class PolicyOptionsTest {

  private static PolicyOptions trusting(String channel, String... peers) {
    return new PolicyOptions(new JsonObject().put("channels", new JsonObject().put(channel, new JsonObject()
        .put("protected_from", new JsonArray(List.of((Object[]) peers))))));
  }

  @Test
  void should_trust_no_peer_loopback_peers_and_listed_peers_only_on_their_channel() {
    PolicyOptions policy = trusting("wyoming", "192.168.1.5", "fd00::5");

    assertThat(policy.trustsPeer(Channel.WYOMING, null)).isTrue();
    assertThat(policy.trustsPeer(Channel.WYOMING, "127.0.0.1")).isTrue();
    assertThat(policy.trustsPeer(Channel.WYOMING, "::1")).isTrue();
    assertThat(policy.trustsPeer(Channel.WYOMING, "192.168.1.5")).isTrue();
    assertThat(policy.trustsPeer(Channel.WYOMING, "::ffff:192.168.1.5")).isTrue();
    assertThat(policy.trustsPeer(Channel.WYOMING, "fd00:0:0:0:0:0:0:5")).isTrue();
    assertThat(policy.trustsPeer(Channel.WYOMING, "192.168.1.6")).isFalse();
    assertThat(policy.trustsPeer(Channel.SATELLITE, "192.168.1.5")).isFalse();
    assertThat(policy.trustsPeer(Channel.WYOMING, "not an address")).isFalse();
  }

  @Test
  void should_refuse_host_names_in_protected_from_rather_than_look_them_up() {
    assertThatThrownBy(() -> trusting("wyoming", "homeassistant.local"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("homeassistant.local");
    assertThatThrownBy(() -> trusting("wyoming", "192.168.1.300")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void should_keep_channels_and_protected_classes_through_json() {
    PolicyOptions policy = trusting("satellite", "10.0.0.7");
    policy.deny(Channel.SATELLITE, Risk.DANGEROUS);

    PolicyOptions again = new PolicyOptions(policy.toJson());

    assertThat(again.toJson()).isEqualTo(policy.toJson());
    assertThat(again.protectedFrom(Channel.SATELLITE)).containsExactly("10.0.0.7");
    assertThat(again.getProtectedDeviceClasses()).containsExactly("garage", "gate");
  }
}
