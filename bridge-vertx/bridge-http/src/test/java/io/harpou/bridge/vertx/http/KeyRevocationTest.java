package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.event.Thinking;
import io.harpou.testkit.Await;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Beyond this machine only with a key" holds at every moment: revoking the last key (with {@code harpou keys}, from
 * another process, while the hub runs) leaves the network refused, and a revoked key's open event sockets close.
 */
class KeyRevocationTest {

  private final Vertx vertx = Vertx.vertx();
  private final WebClient client = WebClient.create(vertx);
  /** Held so the client (and with it its sockets) is not closed as unreachable. */
  private final WebSocketClient sockets = vertx.createWebSocketClient();
  private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream());

  @TempDir
  Path dataDir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  /** An address of this machine that is not loopback, so a connection to it comes "from the network". */
  private static String networkAddress() throws Exception {
    return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
        .map(InetAddress::getHostAddress).findFirst().orElse(null);
  }

  private int status(TestContext context, String host, String key) {
    var request = client.get(context.httpPort(), host, "/api/tools");
    if (key != null) {
      request.putHeader("Authorization", "Bearer " + key);
    }
    HttpResponse<Buffer> response = request.send().await();
    return response.statusCode();
  }

  private static boolean eventually(Supplier<Boolean> condition) {
    return Await.within(Duration.ofSeconds(15), condition::get);
  }

  @Test
  void should_keep_refusing_the_network_once_the_last_key_is_revoked() throws Exception {
    String network = networkAddress();
    assumeTrue(network != null, "this machine has no network address to call itself from");
    TestContext context = new TestContext(vertx, dataDir, new JsonObject().put("host", "0.0.0.0"));
    String key = ApiKeys.open(context.database()).await().create("server").await();
    context.startHttp().await();
    assertThat(status(context, network, key)).isEqualTo(200);
    assertThat(status(context, network, null)).isEqualTo(401);

    assertThat(KeysCommand.run(dataDir, List.of("revoke", "server"), quiet, quiet)).isZero();

    assertThat(eventually(() -> status(context, network, key) == 401)).as("the revoked key refused").isTrue();
    assertThat(status(context, network, null)).as("no key at all, from the network").isEqualTo(401);
    assertThat(status(context, network, key)).isEqualTo(401);
    assertThat(status(context, "127.0.0.1", null)).as("this machine, with no key left").isEqualTo(200);
  }

  @Test
  void should_close_a_revoked_key_s_event_socket_and_send_it_nothing_more() throws Exception {
    TestContext context = new TestContext(vertx, dataDir, new JsonObject());
    String key = ApiKeys.open(context.database()).await().create("tablet").await();
    ApiKeys.open(context.database()).await().create("phone").await();
    context.startHttp().await();
    WebSocket ws = sockets.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(context.httpPort())
        .setURI("/api/events").addHeader("Authorization", "Bearer " + key).setAllowOriginHeader(false)).await();
    List<JsonObject> received = new CopyOnWriteArrayList<>();
    ws.textMessageHandler(text -> received.add(new JsonObject(text)));
    ws.writeTextMessage("{\"type\":\"subscribe\"}");
    assertThat(eventually(() -> !received.isEmpty())).isTrue();

    assertThat(KeysCommand.run(dataDir, List.of("revoke", "tablet"), quiet, quiet)).isZero();

    assertThat(eventually(ws::isClosed)).as("the socket closed after the revocation").isTrue();
    assertThat(ws.closeStatusCode()).isEqualTo((short) 1008);
    vertx.eventBus().publish(BridgeAddresses.EVENTS, new Thinking(Instant.now(), "t", "c", "secret", false).toJson());
    Thread.sleep(300);
    assertThat(received).extracting(m -> m.getString("type")).containsExactly("subscribed");
  }

  @Test
  void should_close_keyless_local_sockets_once_a_first_key_exists() throws Exception {
    TestContext context = new TestContext(vertx, dataDir, new JsonObject());
    context.startHttp().await();
    WebSocket ws = sockets.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(context.httpPort())
        .setURI("/api/events").setAllowOriginHeader(false)).await();

    assertThat(KeysCommand.run(dataDir, List.of("create", "first"), quiet, quiet)).isZero();

    assertThat(eventually(ws::isClosed)).isTrue();
    assertThat(ws.closeStatusCode()).isEqualTo((short) 1008);
  }
}
