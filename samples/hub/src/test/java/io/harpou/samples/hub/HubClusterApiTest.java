package io.harpou.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.testkit.Await;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.RecordedRequest;
import io.harpou.testkit.ollama.ScriptedOllama;
import io.harpou.testkit.ollama.ScriptedOllamaOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three hubs in three JVMs on loopback, as a household would put its API behind a proxy: a node with the agent and
 * the home, and two API-only nodes that carry the same notification rule. A chat front end talks to an API node as it
 * would to one hub (the whole conversation in each request) and each of its turns is learnt from once, a console
 * follows the home and its renamed areas on an API node, and a door opening is told to the household once, by the
 * node that claimed it, and again by the other node once that one is killed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HubClusterApiTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Pattern HTTP_PORT = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)/");
  private static final String DOOR = "binary_sensor.front_door_contact";
  private static final String RULE = "front_door";
  /** What a node logs when it tells the household the rule's sentence. */
  private static final String TOLD = "Notification " + RULE + ": The front door opened.";

  private final Vertx vertx = Vertx.vertx();
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<NodeProcess> nodes = new ArrayList<>();
  private VirtualHomeAssistant home;
  private ScriptedOllama ollama;
  private NodeProcess brain;
  private NodeProcess front;
  private NodeProcess spare;

  @TempDir
  static Path dir;

  @BeforeAll
  void startCluster() throws Exception {
    home = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions()).start().await();
    ollama = ScriptedOllama.create(vertx, new ScriptedOllamaOptions()).start().await();
    ollama.addRule(OllamaMatch.userContains("What is my name").thenReply(OllamaReply.text("Your name is Ada.")));
    int[] ports = {freePort(), freePort(), freePort()};
    // The agent node and one API node learn facts from conversations, both from the scripted Ollama.
    JsonObject memory = new JsonObject().put("memory", new JsonObject().put("enabled", true)
        .put("embeddings", new JsonObject().put("url", ollama.baseUrl()))
        .put("facts", new JsonObject().put("url", ollama.baseUrl())));
    brain = start("brain", "agent,home", ports, 0, memory);
    brain.awaitRunning();
    JsonObject rule = new JsonObject().put("notifications", new JsonObject().put("rules", new JsonArray()
        .add(new JsonObject().put("id", RULE).put("when", new JsonObject().put("entity_id", DOOR).put("state", "on"))
            .put("say", "The front door opened.").put("cooldown_minutes", 0))));
    front = start("front", "api", ports, 1, rule.copy().mergeIn(memory));
    spare = start("spare", "api", ports, 2, rule);
    front.awaitRunning();
    spare.awaitRunning();
    Await.until("the home node holds the Home Assistant connection", WAIT, () -> brain.printed("holds the home lease")
        && home.connectionCount() == 1);
  }

  private NodeProcess start(String name, String roles, int[] ports, int index, JsonObject extra) throws IOException {
    JsonArray members = new JsonArray();
    for (int i = 0; i < ports.length; i++) {
      if (i != index) {
        members.add("127.0.0.1:" + ports[i]);
      }
    }
    JsonObject config = new JsonObject().put("data_dir", dir.resolve(name).resolve("data").toString())
        .put("http", new JsonObject().put("port", 0))
        .put("memory", new JsonObject().put("enabled", false))
        .put("monitors", new JsonObject().put("enabled", false))
        .put("agent", new JsonObject().put("ollama", new JsonObject().put("url", ollama.baseUrl())
            .put("model", "llama3.2")))
        .put("home_assistant", new JsonObject().put("url", home.url()).put("token", home.accessToken()))
        .put("cluster", new JsonObject().put("roles", roles).put("port", ports[index]).put("host", "127.0.0.1")
            .put("members", members).put("agent_timeout_ms", 30_000))
        .mergeIn(extra);
    NodeProcess node = NodeProcess.start(name, dir.resolve(name), config);
    nodes.add(node);
    return node;
  }

  @AfterAll
  void stopCluster() throws Exception {
    for (NodeProcess node : nodes) {
      node.close();
    }
    vertx.close().await();
  }

  @Test
  @Order(1)
  void should_answer_a_chat_front_end_that_sends_the_whole_conversation_to_an_api_node() throws Exception {
    JsonObject request = new JsonObject().put("model", "harpou").put("messages", new JsonArray()
        .add(new JsonObject().put("role", "system").put("content", "Answer in one short sentence."))
        .add(new JsonObject().put("role", "user").put("content", "Hello, my name is Ada."))
        .add(new JsonObject().put("role", "assistant").put("content", "Nice to meet you, Ada."))
        .add(new JsonObject().put("role", "user").put("content", "What is my name?")));

    JsonObject completion = new JsonObject(post(front, "/v1/chat/completions", request));
    String streamed = post(front, "/v1/chat/completions", request.copy().put("stream", true));

    assertThat(completion.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content"))
        .isEqualTo("Your name is Ada.");
    assertThat(streamedContent(streamed)).isEqualTo("Your name is Ada.");
    RecordedRequest asked = ollama.requests().stream().filter(r -> "What is my name?".equals(r.lastUserMessage())
        && !r.messages().encode().contains("long-term memory")).findFirst().orElseThrow();
    assertThat(asked.messages().encode()).as("the model on the agent node read the client's conversation")
        .contains("Hello, my name is Ada.").contains("Nice to meet you, Ada.")
        .contains("Answer in one short sentence.");
  }

  @Test
  @Order(2)
  void should_learn_from_each_turn_once_though_two_nodes_run_memory() {
    Await.until("the agent node learnt from both turns", WAIT, () -> factExtractions() >= 2);

    assertThat(factExtractions()).as("one extraction per turn, not one per node with memory").isEqualTo(2);
  }

  @Test
  @Order(3)
  void should_stream_the_homes_state_changes_to_a_console_on_an_api_node() throws Exception {
    List<JsonObject> received = new CopyOnWriteArrayList<>();
    // A program on this machine, not a browser: no Origin, and no key while none exists.
    WebSocket socket = vertx.createWebSocketClient().connect(new WebSocketConnectOptions().setHost("127.0.0.1")
        .setPort(port(front)).setURI("/api/events").setAllowOriginHeader(false)).await();
    socket.textMessageHandler(text -> received.add(new JsonObject(text)));
    socket.writeTextMessage(new JsonObject().put("type", "subscribe").put("kinds", new JsonArray().add("home_state"))
        .encode()).await();
    Await.until("the socket is subscribed", WAIT, () -> received.stream()
        .anyMatch(m -> "subscribed".equals(m.getString("type"))));

    home.setState("light.kitchen", "on");

    Await.until("the kitchen light's change reaches the API node's socket", WAIT, () -> events(received).stream()
        .anyMatch(e -> "home_state".equals(e.getString("kind")) && "light.kitchen".equals(e.getString("entity_id"))));
    assertThat(events(received)).as("only the kind subscribed to").extracting(e -> e.getString("kind"))
        .containsOnly("home_state");
    socket.close().await();
  }

  @Test
  @Order(4)
  void should_show_an_area_renamed_in_home_assistant_on_an_api_node_while_the_home_stays_connected() throws Exception {
    assertThat(get(front, "/api/home")).contains("\"Kitchen\"").doesNotContain("Cookhouse");

    home.renameArea("kitchen", "Cookhouse");

    Await.until("the API node shows the new name", WAIT, () -> get(front, "/api/home").contains("\"Cookhouse\""));
    assertThat(brain.count("Connected to Home Assistant")).as("the home connection never dropped").isEqualTo(1);
  }

  @Test
  @Order(5)
  void should_tell_the_household_once_when_two_nodes_carry_the_same_rule() {
    home.setState(DOOR, "on");

    Await.until("both API nodes found the rule true", WAIT, () -> front.printed("Notification " + RULE)
        && spare.printed("Notification " + RULE));
    Await.until("the notification reached Home Assistant", WAIT, () -> !doorNotifications().isEmpty());
    assertThat(doorNotifications()).as("told once, not once per node").hasSize(1);
    assertThat(teller()).as("one node told it").isNotNull();
  }

  @Test
  @Order(6)
  void should_move_the_notifications_to_the_other_node_when_the_one_delivering_them_is_killed() throws Exception {
    NodeProcess first = teller();
    NodeProcess second = first == front ? spare : front;
    home.setState(DOOR, "off");
    first.kill();

    home.setState(DOOR, "on");

    Await.until("the surviving node told the household again", WAIT, () -> doorNotifications().size() == 2);
    assertThat(second.printed(TOLD)).isTrue();
  }

  /** The API node that told the household about the door. */
  private NodeProcess teller() {
    return List.of(front, spare).stream().filter(n -> n.printed(TOLD)).findFirst().orElse(null);
  }

  /** The requests the scripted Ollama had from memory's fact extraction. */
  private long factExtractions() {
    return ollama.requests().stream().filter(r -> r.messages().encode().contains("long-term memory")).count();
  }

  private List<JsonObject> doorNotifications() {
    return home.notifications().stream().filter(n -> n.getString("message", "").contains("front door")).toList();
  }

  private String get(NodeProcess node, String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(node)
        + path)).timeout(WAIT).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private String post(NodeProcess node, String path, JsonObject body) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(node)
        + path)).header("content-type", "application/json").timeout(WAIT)
        .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static List<JsonObject> events(List<JsonObject> frames) {
    return frames.stream().filter(f -> "event".equals(f.getString("type"))).map(f -> f.getJsonObject("event")).toList();
  }

  /** The text a chat front end shows from a streamed completion: its content deltas, joined. */
  private static String streamedContent(String stream) {
    StringBuilder content = new StringBuilder();
    stream.lines().filter(line -> line.startsWith("data: {")).map(line -> new JsonObject(line.substring(6)))
        .map(chunk -> chunk.getJsonArray("choices").getJsonObject(0).getJsonObject("delta").getString("content"))
        .filter(text -> text != null).forEach(content::append);
    return content.toString();
  }

  private static int port(NodeProcess node) {
    return Integer.parseInt(node.find(HTTP_PORT).orElseThrow());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
