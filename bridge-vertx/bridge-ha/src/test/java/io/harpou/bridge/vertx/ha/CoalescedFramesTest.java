package io.harpou.bridge.vertx.ha;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.home.Area;
import io.harpou.bridge.api.home.ConnectionState;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A scripted server that answers every command only in array frames, the way Home Assistant writes once a client
 * enabled {@code coalesce_messages}: results and events of several commands in one text frame.
 */
class CoalescedFramesTest {

  private Vertx vertx;
  private HttpServer server;
  private final List<JsonObject> received = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
  private volatile boolean garbleFirstConnection;

  @BeforeEach
  void start_scripted_server() {
    vertx = Vertx.vertx();
    server = vertx.createHttpServer().webSocketHandler(this::serve).listen(0, "127.0.0.1").await();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private void serve(ServerWebSocket ws) {
    JsonArray batch = new JsonArray();
    long[] flush = {-1};
    boolean garble = connections.incrementAndGet() == 1 && garbleFirstConnection;
    ws.writeTextMessage("{\"type\":\"auth_required\",\"ha_version\":\"2025.8.1\"}");
    ws.textMessageHandler(text -> {
      JsonObject message = new JsonObject(text);
      received.add(message);
      if ("auth".equals(message.getString("type"))) {
        ws.writeTextMessage("{\"type\":\"auth_ok\",\"ha_version\":\"2025.8.1\"}");
        if (garble) {
          ws.writeTextMessage("{\"id\":1,\"type\":\"result\",\"succ");
        }
        return;
      }
      reply(message, batch);
      vertx.cancelTimer(flush[0]);
      flush[0] = vertx.setTimer(50, t -> {
        ws.writeTextMessage(batch.encode());
        batch.clear();
      });
    });
  }

  private static void reply(JsonObject message, JsonArray batch) {
    long id = message.getLong("id");
    Object result = switch (message.getString("type")) {
      case "config/area_registry/list" -> new JsonArray().add(new JsonObject().put("area_id", "kitchen")
          .put("name", "Kitchen").put("aliases", new JsonArray()).put("floor_id", null));
      case "config/device_registry/list" -> new JsonArray().add(new JsonObject().put("id", "dev1")
          .put("name", "Ceiling").put("area_id", "kitchen"));
      case "config/entity_registry/list" -> new JsonArray().add(new JsonObject().put("entity_id", "light.kitchen")
          .put("device_id", "dev1").put("area_id", null));
      case "config/floor_registry/list" -> new JsonArray();
      default -> null;
    };
    batch.add(new JsonObject().put("id", id).put("type", "result").put("success", true).put("result", result));
    if ("subscribe_entities".equals(message.getString("type"))) {
      batch.add(new JsonObject().put("id", id).put("type", "event").put("event", new JsonObject("""
          {"a":{"light.kitchen":{"s":"off","a":{"friendly_name":"Kitchen"},"c":"01J5Y2A3B4C5D6E7F8G9H0JKMN",
          "lc":1735725600.5}}}""")));
      batch.add(new JsonObject().put("id", id).put("type", "event").put("event", new JsonObject(
          "{\"c\":{\"light.kitchen\":{\"+\":{\"s\":\"on\",\"lc\":1735725601.5}}}}")));
    }
  }

  @Test
  void should_handle_results_and_events_coalesced_in_one_array_frame() {
    HomeAssistantClient client = HomeAssistantClient.create(vertx, new HomeAssistantOptions()
        .setUrl("http://127.0.0.1:" + server.actualPort()).setToken("t").setRestFallback(false));

    client.connect().await();

    assertThat(client.connectionState()).isEqualTo(ConnectionState.CONNECTED);
    assertThat(client.state("light.kitchen").orElseThrow().state()).isEqualTo("on");
    assertThat(client.areaOf("light.kitchen")).map(Area::name).contains("Kitchen");
    JsonObject first = received.get(1);
    assertThat(first.getString("type")).isEqualTo("supported_features");
    assertThat(first.getJsonObject("features").getInteger("coalesce_messages")).isEqualTo(1);
    assertThat(received.subList(1, received.size())).extracting(m -> m.getLong("id")).isSorted().doesNotHaveDuplicates();
    client.close().await();
  }

  @Test
  void should_close_a_connection_that_sends_malformed_json_and_reconnect() {
    garbleFirstConnection = true;
    HomeAssistantClient client = HomeAssistantClient.create(vertx, new HomeAssistantOptions()
        .setUrl("http://127.0.0.1:" + server.actualPort()).setToken("t").setRestFallback(false)
        .setInitialBackoffMs(20).setBackoffJitter(0));

    client.connect().await();

    assertThat(connections.get()).isEqualTo(2);
    assertThat(client.connectionState()).isEqualTo(ConnectionState.CONNECTED);
    assertThat(client.state("light.kitchen").orElseThrow().state()).isEqualTo("on");
    client.close().await();
  }
}
