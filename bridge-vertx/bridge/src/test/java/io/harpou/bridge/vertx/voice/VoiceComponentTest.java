package io.harpou.bridge.vertx.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.event.SatelliteStateChanged.State;
import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.wyoming.info.Info;
import io.harpou.wyoming.message.Control;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Voice started by the bridge: its Wyoming server, the published announcer and satellites view, its health. */
class VoiceComponentTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dataDir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private BridgeOptions options() {
    return new BridgeOptions().setDataDir(dataDir).setHttpEnabled(false).setMonitorsEnabled(false)
        .setVoice(new VoiceOptions().setHost("127.0.0.1").setPort(0));
  }

  @Test
  void should_start_with_the_bridge_and_publish_announcer_and_satellites() throws Exception {
    BridgeOptions options = options().setVoice(new VoiceOptions().setHost("127.0.0.1").setPort(0)
        .setSatellites(List.of(new SatelliteConfig("127.0.0.1", 9, "attic", "attic-sat"))));
    Bridge bridge = Bridge.create(vertx, options).start().await();

    assertThat(bridge.health().toJson().getJsonObject("components").getJsonObject("voice").getString("state"))
        .isEqualTo("ready");
    Satellites satellites = bridge.satellites().orElseThrow();
    assertThat(satellites.list()).singleElement().satisfies(s -> {
      assertThat(s.id()).isEqualTo("attic-sat");
      assertThat(s.connected()).isFalse();
      assertThat(s.state()).isEqualTo(State.DISCONNECTED);
      assertThat(s.toJson().getString("room")).isEqualTo("attic");
    });
    assertThatThrownBy(() -> bridge.announcer().orElseThrow()
        .announce(new io.harpou.bridge.api.voice.Announcement("attic", "Hello.", "en")).await())
        .isInstanceOf(BridgeException.class);

    String detail = bridge.health().toJson().getJsonObject("components").getJsonObject("voice").getString("detail");
    int port = Integer.parseInt(detail.replaceAll(".*port (\\d+).*", "$1"));
    try (Peer ha = new Peer(vertx, port)) {
      // The agent runs by default, so Home Assistant sees a conversation agent.
      Info info = Info.fromEvent(ha.send(new Control.Describe()).next());
      assertThat(info.handle()).hasSize(1);
    }
    bridge.close().await();
  }

  @Test
  void should_not_open_a_port_without_voice_or_wyoming_configuration() {
    Bridge bridge = Bridge.create(vertx, new BridgeOptions().setDataDir(dataDir).setHttpEnabled(false)
        .setMonitorsEnabled(false)).start().await();
    assertThat(bridge.satellites()).isEmpty();
    assertThat(bridge.health().toJson().getJsonObject("components").containsKey("voice")).isFalse();
    bridge.close().await();
  }

  @Test
  void should_refuse_a_malformed_satellite_list() {
    BridgeOptions options = options().setSection("voice", new JsonObject().put("satellites",
        new JsonArray().add("kitchen")));
    assertThatThrownBy(() -> Bridge.create(vertx, options).start().await())
        .isInstanceOf(BridgeException.class).hasMessageContaining("voice");
  }
}
