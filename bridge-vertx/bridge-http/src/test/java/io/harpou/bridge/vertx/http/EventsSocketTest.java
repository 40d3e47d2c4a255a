package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.event.BridgeEvent;
import io.harpou.bridge.api.event.ComponentStateChanged;
import io.harpou.bridge.api.event.PlanUpdated;
import io.harpou.bridge.api.event.SatelliteStateChanged;
import io.harpou.bridge.api.event.Thinking;
import io.harpou.testkit.Await;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsSocketTest {

  private final Vertx vertx = Vertx.vertx();
  private final WebSocketClient sockets = vertx.createWebSocketClient();
  private TestContext context;

  @TempDir
  Path dataDir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private void start(JsonObject http) {
    context = new TestContext(vertx, dataDir, http);
    context.startHttp().await();
  }

  /** Connects as a program on this machine would: no Origin header, which only browsers must send. */
  private WebSocket connect(String uri, List<JsonObject> received) {
    WebSocket ws = sockets.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
        .setPort(context.httpPort()).setURI(uri).setAllowOriginHeader(false)).await();
    ws.textMessageHandler(text -> received.add(new JsonObject(text)));
    return ws;
  }

  private void publish(BridgeEvent event) {
    vertx.eventBus().publish(BridgeAddresses.EVENTS, event.toJson());
  }

  private static void await(List<JsonObject> received, String type, int count) {
    Await.within(Duration.ofSeconds(20),
        () -> received.stream().filter(m -> type.equals(m.getString("type"))).count() >= count);
  }

  private static List<JsonObject> events(List<JsonObject> received) {
    return received.stream().filter(m -> "event".equals(m.getString("type")))
        .map(m -> m.getJsonObject("event")).toList();
  }

  @Test
  void should_deliver_only_subscribed_kinds_and_conversation_and_stop_after_unsubscribe() throws Exception {
    start(new JsonObject());
    List<JsonObject> received = new CopyOnWriteArrayList<>();
    WebSocket ws = connect("/api/events", received);
    ws.writeTextMessage(new JsonObject().put("type", "subscribe").put("kinds", new JsonArray().add("thinking")
        .add("satellite_state")).put("conversation_id", "c1").encode());
    await(received, "subscribed", 1);

    publish(new Thinking(Instant.now(), "t1", "c1", "hello", false));
    publish(new Thinking(Instant.now(), "t2", "c2", "other conversation", false));
    publish(new ComponentStateChanged(Instant.now(), "voice", "ready", null));
    publish(new SatelliteStateChanged(Instant.now(), "kitchen-sat", "kitchen", SatelliteStateChanged.State.LISTENING,
        "c1"));
    await(received, "event", 2);
    ws.writeTextMessage(new JsonObject().put("type", "unsubscribe").encode());
    await(received, "unsubscribed", 1);
    publish(new Thinking(Instant.now(), "t3", "c1", "after unsubscribe", false));
    Thread.sleep(300);

    assertThat(received.get(0)).isEqualTo(new JsonObject().put("type", "subscribed")
        .put("kinds", new JsonArray().add("satellite_state").add("thinking")).put("conversation_id", "c1"));
    assertThat(events(received)).extracting(e -> e.getString("kind")).containsExactly("thinking", "satellite_state");
    assertThat(events(received).get(0).getString("text")).isEqualTo("hello");
    assertThat(events(received).get(1).getString("state")).isEqualTo("listening");
  }

  @Test
  void should_stream_a_key_only_the_plans_asked_for_under_that_key() throws Exception {
    context = new TestContext(vertx, dataDir, new JsonObject());
    ApiKeys keys = ApiKeys.open(context.database()).await();
    String tablet = keys.create("tablet").await();
    String phone = keys.create("phone").await();
    context.startHttp().await();
    List<JsonObject> tabletReceived = new CopyOnWriteArrayList<>();
    List<JsonObject> phoneReceived = new CopyOnWriteArrayList<>();
    for (WebSocket ws : List.of(connectWithKey(tablet, tabletReceived), connectWithKey(phone, phoneReceived))) {
      ws.writeTextMessage("{\"type\":\"subscribe\",\"kinds\":[\"plan_updated\"]}");
    }
    await(tabletReceived, "subscribed", 1);
    await(phoneReceived, "subscribed", 1);

    publish(new PlanUpdated(Instant.now(), "plan-1", "t1", "c1", "tablet", "unlock the door and open the garage",
        "proposed", List.of(new PlanUpdated.Step("unlock the door", "pending", null))));
    publish(new PlanUpdated(Instant.now(), "plan-2", "t2", "c2", "phone", "dim the lights", "proposed", List.of()));
    await(phoneReceived, "event", 1);
    await(tabletReceived, "event", 1);

    assertThat(events(phoneReceived)).extracting(e -> e.getString("plan_id")).containsExactly("plan-2");
    assertThat(events(tabletReceived)).extracting(e -> e.getString("plan_id")).containsExactly("plan-1");
  }

  private WebSocket connectWithKey(String key, List<JsonObject> received) {
    WebSocket ws = sockets.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(context.httpPort())
        .setURI("/api/events").addHeader("Authorization", "Bearer " + key).setAllowOriginHeader(false)).await();
    ws.textMessageHandler(text -> received.add(new JsonObject(text)));
    return ws;
  }

  @Test
  void should_forward_home_state_changes_as_home_state_events() throws Exception {
    start(new JsonObject());
    List<JsonObject> received = new CopyOnWriteArrayList<>();
    WebSocket ws = connect("/api/events", received);
    ws.writeTextMessage("{\"type\":\"subscribe\",\"kinds\":[\"home_state\"]}");
    await(received, "subscribed", 1);

    vertx.eventBus().publish(BridgeAddresses.HOME_STATE_CHANGED, new JsonObject().put("entity_id", "light.kitchen")
        .put("new_state", new JsonObject().put("entity_id", "light.kitchen").put("state", "on")));
    await(received, "event", 1);

    JsonObject event = events(received).get(0);
    assertThat(event.getString("kind")).isEqualTo("home_state");
    assertThat(event.getString("entity_id")).isEqualTo("light.kitchen");
    assertThat(event.getJsonObject("new_state").getString("state")).isEqualTo("on");
  }

  @Test
  void should_answer_bad_messages_with_an_error_and_keep_the_connection() throws Exception {
    start(new JsonObject());
    List<JsonObject> received = new CopyOnWriteArrayList<>();
    WebSocket ws = connect("/api/events", received);

    ws.writeTextMessage("not json");
    ws.writeTextMessage("{\"type\":\"dance\"}");
    ws.writeTextMessage("{\"type\":\"subscribe\",\"kinds\":\"thinking\"}");
    ws.writeTextMessage("{\"type\":\"subscribe\"}");
    await(received, "subscribed", 1);

    assertThat(received).extracting(m -> m.getString("type")).containsExactly("error", "error", "error",
        "subscribed");
    assertThat(received.get(3).getJsonArray("kinds")).containsExactly("*");
  }

  @Test
  void should_refuse_a_subscription_to_a_forged_conversation_id_and_echo_nothing_of_it() throws Exception {
    start(new JsonObject());
    List<JsonObject> received = new CopyOnWriteArrayList<>();
    WebSocket ws = connect("/api/events", received);

    ws.writeTextMessage(new JsonObject().put("type", "subscribe").put("conversation_id", "c1\r\nforged").encode());
    ws.writeTextMessage(new JsonObject().put("type", "subscribe").put("conversation_id", "c1").encode());
    await(received, "subscribed", 1);

    assertThat(received).extracting(m -> m.getString("type")).containsExactly("error", "subscribed");
    assertThat(received.get(0).getString("message")).startsWith("'conversation_id' must be 1 to 128 visible")
        .doesNotContain("forged");
    assertThat(received.get(1).getString("conversation_id")).isEqualTo("c1");
  }

  @Test
  void should_require_a_key_by_query_or_first_message_when_keys_exist() throws Exception {
    TestContext keyed = new TestContext(vertx, dataDir, new JsonObject());
    String key = ApiKeys.open(keyed.database()).await().create("console").await();
    context = keyed;
    keyed.startHttp().await();

    List<JsonObject> byQuery = new CopyOnWriteArrayList<>();
    connect("/api/events?token=" + key, byQuery).writeTextMessage("{\"type\":\"subscribe\"}");
    List<JsonObject> byMessage = new CopyOnWriteArrayList<>();
    WebSocket second = connect("/api/events", byMessage);
    second.writeTextMessage(new JsonObject().put("type", "auth").put("token", key).encode());
    second.writeTextMessage("{\"type\":\"subscribe\"}");
    List<JsonObject> wrong = new CopyOnWriteArrayList<>();
    WebSocket third = connect("/api/events", wrong);
    List<Short> closeCodes = new CopyOnWriteArrayList<>();
    third.closeHandler(v -> closeCodes.add(third.closeStatusCode()));
    third.writeTextMessage("{\"type\":\"subscribe\"}");
    await(byQuery, "subscribed", 1);
    await(byMessage, "subscribed", 1);
    Await.within(Duration.ofMillis(2500), () -> !closeCodes.isEmpty());

    assertThat(byQuery).extracting(m -> m.getString("type")).containsExactly("subscribed");
    assertThat(byMessage).extracting(m -> m.getString("type")).containsExactly("authenticated", "subscribed");
    assertThat(wrong).isEmpty();
    assertThat(closeCodes).containsExactly((short) 1008);
    assertThatThrownBy(() -> sockets.connect(new WebSocketConnectOptions().setAllowOriginHeader(false)
        .setHost("127.0.0.1").setPort(context.httpPort()).setURI("/api/events?token=wrong")).await())
        .as("a wrong token is refused at the upgrade").hasMessageContaining("401");
  }

  @Test
  void should_keep_streaming_to_the_console_once_its_first_message_gave_the_console_token() throws Exception {
    start(new JsonObject());
    String token = java.nio.file.Files.readString(dataDir.resolve("console-token")).strip();
    List<JsonObject> received = new CopyOnWriteArrayList<>();
    // As a browser connects: with the page's own Origin, and the token in its first message.
    WebSocket ws = sockets.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(context.httpPort())
        .setURI("/api/events").addHeader("Origin", "http://127.0.0.1:" + context.httpPort())).await();
    ws.textMessageHandler(text -> received.add(new JsonObject(text)));
    ws.writeTextMessage(new JsonObject().put("type", "auth").put("token", token).encode());
    ws.writeTextMessage("{\"type\":\"subscribe\"}");
    await(received, "subscribed", 1);

    Thread.sleep(2500);
    publish(new Thinking(Instant.now(), "t1", "c1", "still here", false));
    await(received, "event", 1);

    assertThat(ws.isClosed()).as("open across the hub's key checks").isFalse();
    assertThat(events(received)).extracting(e -> e.getString("text")).containsExactly("still here");
  }

  @Test
  void should_drop_for_a_stalled_client_with_a_notice_while_others_get_everything() throws Exception {
    start(new JsonObject().put("event_queue_size", 64));
    List<JsonObject> fast = new CopyOnWriteArrayList<>();
    connect("/api/events", fast).writeTextMessage("{\"type\":\"subscribe\"}");
    List<JsonObject> slow = new CopyOnWriteArrayList<>();
    WebSocket stalled = connect("/api/events", slow);
    stalled.writeTextMessage("{\"type\":\"subscribe\"}");
    await(fast, "subscribed", 1);
    await(slow, "subscribed", 1);
    stalled.pause();

    String big = "x".repeat(8 * 1024);
    int count = 2000;
    for (int i = 0; i < count; i++) {
      publish(new Thinking(Instant.now(), "t", "c", i + big, false));
      if (i % 5 == 4) {
        // A steady stream that a reading client keeps up with, but that overflows one that stopped reading.
        Thread.sleep(5);
      }
    }
    await(fast, "event", count);
    stalled.resume();
    await(slow, "dropped", 1);

    assertThat(events(fast)).hasSize(count);
    assertThat(events(slow).size()).isLessThan(count);
    JsonObject notice = slow.stream().filter(m -> "dropped".equals(m.getString("type"))).findFirst().orElseThrow();
    assertThat(notice.getLong("count")).isEqualTo(count - events(slow).size());
  }
}
