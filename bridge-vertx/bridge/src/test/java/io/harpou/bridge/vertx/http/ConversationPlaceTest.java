package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.vertx.ha.HomeAssistantClient;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.harpou.testkit.ha.Houses;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/conversation/process} with the asking device's context: a Home Assistant device id, Harpou's satellite
 * id or an area, against the family house in the virtual home, reached through the real client.
 */
class ConversationPlaceTest {

  private final Vertx vertx = Vertx.vertx();
  private WebClient client;
  private TestContext context;
  private ScriptedAgent agent;
  private HomeAssistantClient home;

  @TempDir
  Path dataDir;

  @BeforeEach
  void start() {
    VirtualHomeAssistant ha = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions().setHouse(Houses.family()))
        .start().await();
    home = HomeAssistantClient.create(vertx, new HomeAssistantOptions().setUrl(ha.url())
        .setToken(ha.accessToken()));
    home.connect().await();
    context = new TestContext(vertx, dataDir, new JsonObject());
    context.home(home);
    context.satellites(id -> "office-sat".equals(id) ? Optional.of(new SatelliteRooms.Entry("office"))
        : Optional.empty());
    agent = new ScriptedAgent(vertx, u -> Reply.answer("ok", u.conversationId()));
    context.agent(agent);
    context.startHttp().await();
    client = WebClient.create(vertx);
  }

  @AfterEach
  void close() {
    home.close().await();
    vertx.close().await();
  }

  private HttpResponse<Buffer> post(JsonObject body) {
    return client.post(context.httpPort(), "127.0.0.1", "/api/conversation/process")
        .putHeader("content-type", "application/json").sendBuffer(body.toBuffer()).await();
  }

  @Test
  void should_take_the_room_of_the_asking_device() {
    assertThat(post(new JsonObject().put("text", "turn on the lights in here").put("device_id", "kitchen_voice"))
        .statusCode()).isEqualTo(200);

    Utterance heard = agent.heard.get(0);
    assertThat(heard.room()).isEqualTo("kitchen");
    assertThat(heard.satellite()).isNull();
  }

  @Test
  void should_take_the_satellite_and_its_room_and_let_an_area_say_otherwise() {
    post(new JsonObject().put("text", "pause").put("satellite_id", "office-sat"));
    post(new JsonObject().put("text", "pause").put("satellite_id", "office-sat").put("area", "Salon"));

    assertThat(agent.heard.get(0).room()).isEqualTo("office");
    assertThat(agent.heard.get(0).satellite()).isEqualTo("office-sat");
    assertThat(agent.heard.get(1).room()).isEqualTo("living_room");
    assertThat(agent.heard.get(1).satellite()).isEqualTo("office-sat");
  }

  @Test
  void should_refuse_a_device_satellite_or_area_that_does_not_exist_and_ask_nothing() {
    for (JsonObject body : List.of(new JsonObject().put("device_id", "no_such_device"),
        new JsonObject().put("satellite_id", "attic-sat"), new JsonObject().put("area", "gargen"),
        new JsonObject().put("area", 42), new JsonObject().put("area", "x".repeat(300)))) {
      HttpResponse<Buffer> response = post(body.put("text", "turn on the lights"));
      assertThat(response.statusCode()).as(body.encode()).isEqualTo(400);
      assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("message")).isNotBlank();
    }
    assertThat(agent.heard).isEmpty();
  }
}
