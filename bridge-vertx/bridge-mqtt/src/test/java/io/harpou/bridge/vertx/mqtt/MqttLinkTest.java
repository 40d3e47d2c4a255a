package io.harpou.bridge.vertx.mqtt;

import static io.harpou.bridge.vertx.mqtt.Observer.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.health.Health;
import io.harpou.testkit.mqtt.Mosquitto;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
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
  private Observer ha;

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
    await(() -> discovery.connected(), "the connection");
    broker.restart();
    ha = new Observer(vertx, broker.port(), "homeassistant/#", "harpou/status");
    await(() -> discovery.connected() && ha.configs().size() == 14 + 7, "every configuration on the new broker");
    assertThat(ha.latest.get("harpou/status")).isEqualTo("online");
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
    ha = new Observer(vertx, broker.port(), "harpou/status");
    start(new JsonObject().put("url", "mqtt://127.0.0.1:" + proxy.actualPort()).put("initial_backoff_ms", 60_000));
    await(() -> "online".equals(ha.latest.get("harpou/status")), "online");
    proxied.forEach(NetSocket::close);
    await(() -> "offline".equals(ha.latest.get("harpou/status")), "the last will");
    proxy.close().await();
  }

  @Test
  void should_log_in_with_its_password_file_and_refuse_to_run_on_wrong_credentials() throws Exception {
    broker = Mosquitto.withPassword(dir, "harpou", "s3cret-pass");
    Path good = Files.writeString(dir.resolve("good"), "s3cret-pass\n");
    Path bad = Files.writeString(dir.resolve("bad"), "guess");
    start(new JsonObject().put("url", broker.url()).put("username", "harpou").put("password_file", bad.toString()));
    await(() -> mqttState().contains("refused"), "the refusal in /health");
    assertThat(discovery.connected()).isFalse();
    assertThat(health.toJson().toString()).doesNotContain("guess");
    discovery.close().await();
    start(new JsonObject().put("url", broker.url()).put("username", "harpou").put("password_file", good.toString()));
    await(() -> discovery.connected(), "the connection with the right password");
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
    await(() -> mqttState().startsWith("reconnecting"), "the refused handshake");
    Thread.sleep(500);
    assertThat(discovery.connected()).isFalse();
    discovery.close().await();
    start(new JsonObject().put("url", url).put("ca_file", real.resolve("ca.pem").toString()));
    await(() -> discovery.connected(), "the TLS connection");
  }
}
