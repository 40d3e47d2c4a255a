package io.harpou.bridge.vertx.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.health.Health;
import io.harpou.testkit.Await;
import io.harpou.testkit.mqtt.Mosquitto;
import io.harpou.testkit.mqtt.MqttObserver;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.NetSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link to the broker: drops, restarts, credentials and TLS. */
class MqttLinkTest {

  @TempDir
  Path dir;
  private Vertx vertx;
  private Mosquitto broker;
  private Database database;
  private Health health;
  private MqttDiscovery discovery;
  private MqttObserver ha;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Mosquitto.installed(), "mosquitto is not installed (./harpou test installs it)");
    vertx = Vertx.vertx();
    database = Database.open(vertx, dir.resolve("harpou.db")).await();
    health = new Health(vertx).listen();
  }

  private MqttDiscovery start(JsonObject config) {
    discovery = MqttDiscovery.start(vertx, new MqttOptions(config.put("initial_backoff_ms", 100)
        .put("max_backoff_ms", 400)), new Household(vertx).satellite("kitchen-sat", "Kitchen")
        .services(MqttServices.of(health, database))).await();
    return discovery;
  }

  private String mqttState() {
    JsonObject mqtt = health.toJson().getJsonObject("components").getJsonObject("mqtt");
    return mqtt == null ? "" : mqtt.getString("state") + ": " + mqtt.getString("detail");
  }

  @AfterEach
  void stop() {
    if (vertx == null) {
      return;
    }
    if (discovery != null) {
      discovery.close().await();
    }
    if (ha != null) {
      ha.close();
    }
    database.close().await();
    vertx.close().await();
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void should_reconnect_after_the_broker_restarts_and_publish_everything_again() throws Exception {
    broker = Mosquitto.start(dir);
    start(new JsonObject().put("url", broker.url()));
    Await.until("the connection", () -> discovery.connected());
    broker.restart();
    ha = MqttObserver.connect(vertx, broker.port(), "homeassistant/#", "harpou/status");
    Await.until("every configuration on the new broker", () -> discovery.connected() && ha.configs().size() == 14 + 7);
    assertThat(ha.latest().get("harpou/status")).isEqualTo("online");
    assertThat(health.toJson().getJsonObject("components").getJsonObject("mqtt").getString("state"))
        .isEqualTo("connected");
  }

  @Test
  void should_be_marked_offline_by_its_last_will_when_its_connection_dies() throws Exception {
    broker = Mosquitto.start(dir);
    List<NetSocket> proxied = new CopyOnWriteArrayList<>();
    NetServer proxy = vertx.createNetServer().connectHandler(in -> {
      in.pause();
      vertx.createNetClient().connect(broker.port(), "127.0.0.1").onSuccess(out -> {
        proxied.add(in);
        in.handler(out::write);
        out.handler(in::write);
        in.closeHandler(v -> out.close());
        out.closeHandler(v -> in.close());
        in.resume();
      });
    }).listen(0, "127.0.0.1").await();
    ha = MqttObserver.connect(vertx, broker.port(), "harpou/status");
    start(new JsonObject().put("url", "mqtt://127.0.0.1:" + proxy.actualPort()).put("initial_backoff_ms", 60_000));
    Await.until("online", () -> "online".equals(ha.latest().get("harpou/status")));
    proxied.forEach(NetSocket::close);
    Await.until("the last will", () -> "offline".equals(ha.latest().get("harpou/status")));
    proxy.close().await();
  }

  @Test
  void should_log_in_with_its_password_file_and_refuse_to_run_on_wrong_credentials() throws Exception {
    broker = Mosquitto.withPassword(dir, "harpou", "s3cret-pass");
    Path good = Files.writeString(dir.resolve("good"), "s3cret-pass\n");
    Path bad = Files.writeString(dir.resolve("bad"), "guess");
    start(new JsonObject().put("url", broker.url()).put("username", "harpou").put("password_file", bad.toString()));
    Await.until("the refusal in /health", () -> mqttState().contains("refused"));
    assertThat(discovery.connected()).isFalse();
    assertThat(health.toJson().toString()).doesNotContain("guess");
    discovery.close().await();
    start(new JsonObject().put("url", broker.url()).put("username", "harpou").put("password_file", good.toString()));
    Await.until("the connection with the right password", () -> discovery.connected());
  }

  @Test
  void should_speak_tls_to_a_trusted_broker_and_refuse_an_impostor() throws Exception {
    Path real = Files.createDirectories(dir.resolve("real"));
    Path impostor = Files.createDirectories(dir.resolve("impostor"));
    Certificates.authorityAndServer(real);
    Certificates.authorityAndServer(impostor);
    broker = Mosquitto.start(dir, List.of("allow_anonymous true", "cafile " + real.resolve("ca.pem"),
        "certfile " + real.resolve("server.pem"), "keyfile " + real.resolve("server.key")));
    String url = "mqtts://127.0.0.1:" + broker.port();
    start(new JsonObject().put("url", url).put("ca_file", impostor.resolve("ca.pem").toString()));
    Await.until("the refused handshake", () -> mqttState().startsWith("reconnecting"));
    Thread.sleep(500);
    assertThat(discovery.connected()).isFalse();
    discovery.close().await();
    start(new JsonObject().put("url", url).put("ca_file", real.resolve("ca.pem").toString()));
    Await.until("the TLS connection", () -> discovery.connected());
  }

  @Test
  void should_send_its_password_only_to_the_broker_its_certificate_names() throws Exception {
    Path ca = Files.createDirectories(dir.resolve("ca"));
    Certificates.authorityAndServer(ca);
    // A certificate the household's own authority signed for another machine, in an attacker's hands.
    Certificates.server(ca, "printer", "DNS:printer.local");
    List<Buffer> overheard = new CopyOnWriteArrayList<>();
    NetServer impostor = vertx.createNetServer(new NetServerOptions().setSsl(true).setKeyCertOptions(
            new PemKeyCertOptions().setCertPath(ca.resolve("printer.pem").toString())
                .setKeyPath(ca.resolve("printer.key").toString())))
        .connectHandler(socket -> socket.handler(overheard::add)).listen(0, "127.0.0.1").await();
    Path password = Files.writeString(dir.resolve("password"), "s3cret-pass\n");
    JsonObject credentials = new JsonObject().put("ca_file", ca.resolve("ca.pem").toString())
        .put("username", "harpou").put("password_file", password.toString());
    start(credentials.copy().put("url", "mqtts://127.0.0.1:" + impostor.actualPort()));
    Await.until("the refused handshake", () -> mqttState().startsWith("reconnecting"));
    Thread.sleep(500);
    assertThat(discovery.connected()).isFalse();
    assertThat(overheard).as("what the impostor read").noneMatch(b -> b.toString().contains("s3cret-pass"));
    discovery.close().await();
    impostor.close().await();

    Mosquitto.run(List.of("mosquitto_passwd", "-b", "-c", dir.resolve("passwords").toString(), "harpou",
        "s3cret-pass"));
    broker = Mosquitto.start(dir, List.of("allow_anonymous false", "password_file " + dir.resolve("passwords"),
        "cafile " + ca.resolve("ca.pem"), "certfile " + ca.resolve("server.pem"),
        "keyfile " + ca.resolve("server.key")));
    start(credentials.copy().put("url", "mqtts://127.0.0.1:" + broker.port()));
    Await.until("the TLS connection with credentials", () -> discovery.connected() && mqttState().startsWith("connected"));
    assertThat(mqttState()).contains("21 entities").doesNotContain("s3cret-pass");
  }
}
