package io.harpou.bridge.vertx.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.bridge.vertx.http.HttpApiOptions;
import io.harpou.testkit.Await;
import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.info.Info;
import io.harpou.wyoming.message.Control;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connection floods and slow peers against the hub's Wyoming door, limited from the configuration's {@code wyoming}
 * section as the hub passes it: peers beyond the caps, tricklers and idle peers are closed with an {@code error}
 * event saying why, while {@code /health} keeps answering and a legitimate client is served afterwards.
 */
class WyomingFloodTest {

  private final Vertx vertx = Vertx.vertx();
  private final List<RawPeer> peers = new ArrayList<>();
  private Bridge bridge;
  private int port;

  @TempDir
  Path dataDir;

  @AfterEach
  void close() throws Exception {
    for (RawPeer peer : peers) {
      peer.close();
    }
    if (bridge != null) {
      bridge.close().await();
    }
    vertx.close().await();
  }

  private void start(JsonObject wyoming) {
    start(wyoming, new JsonObject());
  }

  private void start(JsonObject wyoming, JsonObject voice) {
    bridge = Bridge.create(vertx, new BridgeOptions().setDataDir(dataDir).setMonitorsEnabled(false)
        .setHttp(new HttpApiOptions().setHost("127.0.0.1").setPort(0))
        .setVoice(VoiceOptions.fromSections(voice, wyoming.put("host", "127.0.0.1").put("port", 0)))).start().await();
    String detail = bridge.health().toJson().getJsonObject("components").getJsonObject("voice").getString("detail");
    port = Integer.parseInt(detail.replaceAll(".*port (\\d+).*", "$1"));
  }

  private RawPeer connect(String from) throws Exception {
    RawPeer peer = new RawPeer(port, from);
    peers.add(peer);
    return peer;
  }

  private void assertHealthAnswers() {
    HttpResponse<Buffer> health = WebClient.create(vertx).get(bridge.httpPort(), "127.0.0.1", "/health").send()
        .await();
    assertThat(health.statusCode()).isEqualTo(200);
  }

  private void assertServed() throws Exception {
    try (Peer ha = new Peer(vertx, port)) {
      assertThat(Info.fromEvent(ha.send(new Control.Describe()).next()).handle()).hasSize(1);
    }
  }

  /** Served once the server has seen a closed connection go: it may still count it for a moment. */
  private void assertServedOnceFreed() {
    Await.until("a freed connection slot given to a new client", () -> {
      try (RawPeer ha = new RawPeer(port)) {
        List<WyomingEvent> answers = ha.send("describe", new JsonObject()).untilClosedOrFirst();
        if (!answers.isEmpty() && answers.get(0).type().equals("info")) {
          return true;
        }
        // Still refused: the server has not yet seen the freed connection close.
        assertThat(answers).allSatisfy(a -> assertThat(a.data().getString("code")).isEqualTo("server-busy"));
      } catch (java.io.IOException refusedBeforeTheRequest) {
        // Refused and closed before the request was even written.
      }
      return false;
    });
  }

  private static void assertClosedWith(RawPeer peer, String code, String mentioned) throws Exception {
    List<WyomingEvent> events = peer.untilClosed();
    assertThat(peer.closedByServer()).isTrue();
    assertThat(events).last().satisfies(error -> {
      assertThat(error.type()).isEqualTo("error");
      assertThat(error.data().getString("code")).isEqualTo(code);
      assertThat(error.data().getString("text")).contains(mentioned);
    });
  }

  @Test
  void should_refuse_connections_beyond_the_per_address_cap_and_keep_serving() throws Exception {
    start(new JsonObject().put("max_connections_per_address", 4));
    List<RawPeer> held = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      held.add(connect("127.0.0.1").send("describe", new JsonObject()));
    }
    for (RawPeer peer : held) {
      assertThat(peer.next().type()).isEqualTo("info");
    }

    for (int i = 0; i < 8; i++) {
      assertClosedWith(connect("127.0.0.1"), "server-busy", "127.0.0.1");
    }
    // Another machine is not locked out by this one's connections.
    assertThat(connect("127.0.0.2").send("describe", new JsonObject()).next().type()).isEqualTo("info");
    assertHealthAnswers();

    held.get(0).close();
    assertServedOnceFreed();
  }

  @Test
  void should_refuse_connections_beyond_the_total_cap_whatever_their_address() throws Exception {
    start(new JsonObject().put("max_connections", 6).put("max_connections_per_address", 2));
    for (int i = 1; i <= 3; i++) {
      RawPeer first = connect("127.0.0." + i).send("describe", new JsonObject());
      RawPeer second = connect("127.0.0." + i).send("describe", new JsonObject());
      assertThat(first.next().type()).isEqualTo("info");
      assertThat(second.next().type()).isEqualTo("info");
    }

    assertClosedWith(connect("127.0.0.4"), "server-busy", "6 connections");
    assertHealthAnswers();

    peers.get(0).close();
    assertServedOnceFreed();
  }

  @Test
  void should_close_a_peer_that_trickles_a_frame_a_byte_at_a_time() throws Exception {
    start(new JsonObject().put("frame_timeout_ms", 500));
    RawPeer trickler = connect("127.0.0.1");
    byte[] header = ("{\"type\": \"audio-chunk\", \"data\": {\"rate\": 16000, \"width\": 2, \"channels\": 1}, "
        + "\"payload_length\": 1000000}\n").getBytes(StandardCharsets.UTF_8);
    // A byte every 100 ms: never silent for long, but the frame can never complete within its 500 ms.
    for (int i = 0; i < header.length && !trickler.closedByServer(); i++) {
      try {
        trickler.sendBytes(new byte[] {header[i]});
      } catch (java.io.IOException closed) {
        break;
      }
      Thread.sleep(100);
    }
    assertClosedWith(trickler, "protocol-error", "500 ms");
    assertHealthAnswers();
    assertServed();
  }

  @Test
  void should_close_a_connection_that_stays_idle() throws Exception {
    start(new JsonObject().put("idle_timeout_ms", 500));
    RawPeer idle = connect("127.0.0.1");
    assertClosedWith(idle, "idle-timeout", "500 ms");
    assertServed();
  }

  @Test
  void should_keep_a_quiet_satellite_that_dialed_in_by_pinging_it() throws Exception {
    start(new JsonObject().put("idle_timeout_ms", 500), new JsonObject().put("ping_interval_ms", 100));
    RawPeer satellite = connect("127.0.0.1");
    satellite.send("run-pipeline", new JsonObject().put("start_stage", "tts").put("end_stage", "tts"));
    RawPeer idle = connect("127.0.0.1");

    assertClosedWith(idle, "idle-timeout", "500 ms");
    // The satellite said nothing more, yet it was pinged all along and is still served.
    satellite.send("ping", new JsonObject().put("text", "still here"));
    WyomingEvent event = satellite.next();
    while (event.type().equals("ping")) {
      event = satellite.next();
    }
    assertThat(event.type()).isEqualTo("pong");
  }

  @Test
  void should_refuse_a_declared_payload_over_the_limit_before_reading_it() throws Exception {
    start(new JsonObject());
    RawPeer big = connect("127.0.0.1");
    big.sendBytes(("{\"type\": \"audio-chunk\", \"data\": {\"rate\": 16000, \"width\": 2, \"channels\": 1}, "
        + "\"payload_length\": 16000000}\n").getBytes(StandardCharsets.UTF_8));
    assertClosedWith(big, "protocol-error", "exceeds the limit of 1048576");

    bridge.close().await();
    start(new JsonObject().put("max_payload_bytes", 65_536));
    RawPeer smaller = connect("127.0.0.1");
    smaller.sendBytes(("{\"type\": \"audio-chunk\", \"payload_length\": 100000}\n").getBytes(StandardCharsets.UTF_8));
    assertClosedWith(smaller, "protocol-error", "exceeds the limit of 65536");
    assertServed();
  }
}
