package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.vertx.voice.Satellite;
import io.harpou.testkit.Await;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/voice}, the console microphone's WebSocket, attacked over real sockets: another page's origin, no key
 * and a wrong key never reach the voice pipeline (no satellite opens, nothing is heard, the light stays off); with a
 * key, audio before the request, frames over the size bound, a second stream on the socket and speech beyond the
 * duration bound are each refused, and what the pipeline hears stays within the bound.
 */
class VoiceSocketAttackTest {

  private static final String SPEECH = "turn on the kitchen light";
  private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  private TestHouse house;
  private String key;

  @BeforeEach
  void start() throws Exception {
    key = TestHouse.createKey(vertx, dir, "alice");
    TestHouseSpeech.HEARD_BYTES.set(0);
    house = TestHouse.start(vertx, dir, new JsonObject(), new JsonObject()
        // Long utterances allowed, so that the socket's own bound is what ends the too long one.
        .put("voice", new JsonObject().put("test_transcript", SPEECH).put("max_utterance_ms", 60_000))
        .put("wyoming", new JsonObject().put("port", 0)));
  }

  @AfterEach
  void close() {
    house.close();
    vertx.close().await();
  }

  private boolean consoleSatellite() {
    return house.bridge.satellites().orElseThrow().list().stream().map(Satellite::id)
        .anyMatch(id -> id.startsWith("console-"));
  }

  @Test
  void should_refuse_a_foreign_page_a_missing_key_and_a_wrong_key() throws Exception {
    Object foreign = RawHttp.upgrade(house.port(), "/api/voice", Map.of("Origin", "http://127.0.0.1:1",
        "Authorization", "Bearer " + key));
    assertThat(foreign).isInstanceOfSatisfying(RawHttp.Response.class, r -> assertThat(r.status()).isEqualTo(403));
    Object wrong = RawHttp.upgrade(house.port(), "/api/voice?token=hpk_wrong", Map.of());
    assertThat(wrong).isInstanceOfSatisfying(RawHttp.Response.class, r -> assertThat(r.status()).isEqualTo(401));

    Object pending = RawHttp.upgrade(house.port(), "/api/voice", Map.of());
    assertThat(pending).as("a socket that may still authenticate").isInstanceOf(Socket.class);
    try (Socket socket = (Socket) pending) {
      RawHttp.sendText(socket, "{\"type\":\"start\",\"room\":\"kitchen\"}");
      RawHttp.Frame frame = RawHttp.readFrame(socket);
      assertThat(frame.opcode()).isEqualTo(8);
      assertThat(frame.closeCode()).isEqualTo(1008);
    }
    assertThat(consoleSatellite()).isFalse();
    assertThat(TestHouseSpeech.HEARD_BYTES.get()).isZero();
    assertThat(house.state("light.kitchen")).isEqualTo("off");
  }

  @Test
  void should_bound_each_frame_the_stream_and_its_length() throws Exception {
    WebSocketClient client = vertx.createWebSocketClient();
    List<JsonObject> said = new CopyOnWriteArrayList<>();
    WebSocket ws = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(house.port())
        .setURI("/api/voice").addHeader("authorization", "Bearer " + key)).await();
    ws.textMessageHandler(text -> said.add(new JsonObject(text)));
    ws.writeBinaryMessage(loud(4096)).await();
    ws.writeTextMessage("{\"type\":\"start\",\"room\":\"kitchen\"}").await();
    Await.until("the line open", () -> said.stream().anyMatch(m -> "started".equals(m.getString("type"))));
    ws.writeBinaryMessage(loud(12_000)).await();
    ws.writeBinaryMessage(loud(4095)).await();
    ws.writeTextMessage("{\"type\":\"start\"}").await();
    // 31 s of loud speech, in frames of 8 KiB: the socket takes 30 s of it.
    for (int sent = 0; sent < 32_000 * 31; sent += 8192) {
      ws.writeBinaryMessage(loud(8192)).await();
    }
    Await.until("the speech heard and transcribed", () -> TestHouseSpeech.HEARD_BYTES.get() > 0);

    assertThat(said).filteredOn(m -> "error".equals(m.getString("type")))
        .extracting(m -> m.getJsonObject("data").getString("text"))
        .anySatisfy(text -> assertThat(text).isEqualTo("send start before audio"))
        .anySatisfy(text -> assertThat(text).contains("at most 8192 bytes"))
        .anySatisfy(text -> assertThat(text).contains("one stream per socket"))
        .anySatisfy(text -> assertThat(text).contains("longer than 30 s"));
    assertThat(TestHouseSpeech.HEARD_BYTES.get()).as("what the pipeline heard").isBetween(29L * 32_000, 30L * 32_000);
    ws.close().await();
    client.close().await();
  }

  @Test
  void should_close_a_revoked_key_s_voice_socket_and_hear_nothing_it_sends_after() throws Exception {
    try (Socket socket = (Socket) RawHttp.upgrade(house.port(), "/api/voice", Map.of("Authorization",
        "Bearer " + key))) {
      RawHttp.sendText(socket, "{\"type\":\"start\",\"room\":\"kitchen\"}");
      assertThat(new String(RawHttp.readFrame(socket).payload(), StandardCharsets.UTF_8)).contains("started");

      assertThat(KeysCommand.run(dir.resolve("data"), List.of("revoke", "alice"), QUIET, QUIET)).isZero();
      RawHttp.Frame frame = RawHttp.readFrame(socket);
      while (frame.opcode() != 8) {
        frame = RawHttp.readFrame(socket);
      }
      assertThat(frame.closeCode()).isEqualTo(1008);
      // A peer that ignores the close frame and speaks on.
      for (int i = 0; i < 40; i++) {
        RawHttp.sendBinary(socket, loud(8192).getBytes());
      }
      RawHttp.sendText(socket, "{\"type\":\"stop\"}");
      Thread.sleep(2_000);
    }

    assertThat(TestHouseSpeech.HEARD_BYTES.get()).as("what the pipeline heard").isZero();
    assertThat(house.state("light.kitchen")).isEqualTo("off");
    assertThat(consoleSatellite()).isFalse();
  }

  @Test
  void should_audit_a_refused_voice_socket_login_under_its_own_path() throws Exception {
    try (Socket socket = (Socket) RawHttp.upgrade(house.port(), "/api/voice", Map.of())) {
      RawHttp.sendText(socket, "{\"type\":\"auth\",\"token\":\"hpk_wrong\"}");
      assertThat(RawHttp.readFrame(socket).closeCode()).isEqualTo(1008);
    }
    String url = house.bridge.consoleUrl().orElseThrow();
    Map<String, String> console = Map.of("Authorization", "Bearer " + url.substring(url.indexOf("#token=") + 7));

    JsonObject audit = new JsonObject(RawHttp.exchange(house.port(), "GET", "/api/audit?tool=http_api", console, null)
        .body());

    assertThat(audit.getJsonArray("entries").stream().map(JsonObject.class::cast)
        .map(row -> row.getJsonObject("arguments").getString("path") + " " + row.getString("detail")))
        .containsExactly("/api/voice wrong key");
  }

  /** Whole 16-bit samples, loud enough for the endpointer to hear speech all along. */
  private static Buffer loud(int bytes) {
    Buffer audio = Buffer.buffer(bytes);
    for (int i = 0; i + 1 < bytes; i += 2) {
      audio.appendShortLE((short) (i % 4 == 0 ? 12_000 : -12_000));
    }
    if (bytes % 2 != 0) {
      audio.appendByte((byte) 0);
    }
    return audio;
  }
}
