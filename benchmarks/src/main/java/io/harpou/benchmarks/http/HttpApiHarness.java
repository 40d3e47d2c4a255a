package io.harpou.benchmarks.http;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.event.Thinking;
import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.harpou.bridge.vertx.http.HttpApiOptions;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load harness for the HTTP API. {@code serve}: a whole Bridge (real agent, local intent matcher) on 127.0.0.1,
 * printing its URL, for {@code wrk} against {@code POST /api/conversation/process}. It acts on the Home Assistant
 * named by {@code HARPOU_HA_URL} and {@code HARPOU_HA_TOKEN} (a virtual home in its own process, as a real one would
 * be), or on a virtual home in this JVM when they are unset. {@code fanout N}:
 * N WebSocket clients subscribed to every event while events are published as fast as the bus takes them; prints
 * events delivered per second across all clients.
 */
public final class HttpApiHarness {

  private HttpApiHarness() {
  }

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "serve";
    Vertx vertx = Vertx.vertx();
    String haUrl = System.getenv("HARPOU_HA_URL");
    String haToken = System.getenv("HARPOU_HA_TOKEN");
    if (haUrl == null) {
      VirtualHomeAssistant home = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions()).start().await();
      haUrl = home.url();
      haToken = home.accessToken();
    }
    Path data = Files.createTempDirectory("harpou-http-bench");
    BridgeOptions options = new BridgeOptions().setDataDir(data)
        .setHttp(new HttpApiOptions().setHost("127.0.0.1").setPort(0))
        .setHomeAssistant(new HomeAssistantOptions().setUrl(haUrl).setToken(haToken));
    Bridge bridge = Bridge.create(vertx, options).start().await();
    System.out.println("HARPOU_URL=http://127.0.0.1:" + bridge.httpPort());
    if (mode.equals("fanout")) {
      fanout(vertx, bridge.httpPort(), args.length > 1 ? Integer.parseInt(args[1]) : 100);
      bridge.close().await();
      vertx.close().await();
      return;
    }
    Thread.currentThread().join();
  }

  private static void fanout(Vertx vertx, int port, int clients) throws Exception {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(clients + 10));
    AtomicLong delivered = new AtomicLong();
    List<WebSocket> sockets = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      WebSocket ws = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
          .setURI("/api/events").setAllowOriginHeader(false)).await();
      ws.textMessageHandler(text -> {
        if (text.startsWith("{\"type\":\"event\"")) {
          delivered.incrementAndGet();
        }
      });
      ws.writeTextMessage("{\"type\":\"subscribe\",\"kinds\":[\"thinking\"]}");
      sockets.add(ws);
    }
    Thread.sleep(500);
    for (int round = 0; round < 4; round++) {
      int events = 20_000;
      delivered.set(0);
      long start = System.nanoTime();
      for (int i = 0; i < events; i++) {
        vertx.eventBus().publish(BridgeAddresses.EVENTS,
            new Thinking(Instant.now(), "turn", "conversation", "fragment " + i, false).toJson());
        if (i % 500 == 499) {
          Thread.sleep(1);
        }
      }
      long expected = (long) events * clients;
      while (delivered.get() < expected && System.nanoTime() - start < 60_000_000_000L) {
        Thread.sleep(5);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("round %d: %d events to %d clients: %d delivered in %.2f s = %.0f events/s delivered%n",
          round, events, clients, delivered.get(), seconds, delivered.get() / seconds);
    }
    sockets.forEach(WebSocket::close);
    client.close();
  }
}
