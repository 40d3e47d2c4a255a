package io.harpou.bridge.vertx.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.event.SatelliteStateChanged.State;
import io.harpou.bridge.api.timer.Timer;
import io.harpou.bridge.api.timer.TimerService;
import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.bridge.vertx.agent.AgentOptions;
import io.harpou.bridge.vertx.http.HttpApiOptions;
import io.harpou.bridge.vertx.memory.MemoryOptions;
import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.ScriptedOllama;
import io.harpou.testkit.ollama.ScriptedOllamaOptions;
import io.harpou.wyoming.WyomingEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The composed bridge carries a timer from the request that set it to the satellite the request came through: the
 * HTTP API knows the satellites voice knows, the agent's tools reach the voice timers, and voice relays their changes.
 * The satellites are simulated wyoming-satellites the bridge dials; the model is the scripted Ollama.
 */
class BridgeTimersTest {

  private final Vertx vertx = Vertx.vertx();
  private ScriptedOllama ollama;
  private FakeSatellite kitchen;
  private FakeSatellite office;
  private Bridge bridge;

  @TempDir
  Path dataDir;

  @BeforeEach
  void start() throws Exception {
    ollama = ScriptedOllama.create(vertx, new ScriptedOllamaOptions()).start().await();
    ollama.addRule(OllamaMatch.userContains("pasta").thenReply(OllamaReply.toolCall("start_timer",
        new JsonObject().put("minutes", 10).put("name", "pasta"))));
    ollama.addRule(OllamaMatch.toolResult("start_timer").thenReply(OllamaReply.text("Pasta timer set.")));
    kitchen = new FakeSatellite(vertx, "Kitchen");
    office = new FakeSatellite(vertx, "Office");
    StateLog states = new StateLog(vertx);
    BridgeOptions options = new BridgeOptions().setDataDir(dataDir).setMonitorsEnabled(false)
        .setHttp(new HttpApiOptions().setHost("127.0.0.1").setPort(0))
        .setVoice(new VoiceOptions().setHost("127.0.0.1").setPort(0)
            .setSatellites(List.of(kitchen.config("kitchen", "kitchen-sat"), office.config("office", "office-sat"))))
        .setTools(new JsonObject().put("agent_test", new JsonObject().put("active", true)))
        .setAgent(new AgentOptions().setTaskThresholdMs(10_000)
            .setOllama(new JsonObject().put("url", ollama.baseUrl()).put("model", "llama3.2")))
        .setMemory(new MemoryOptions().setEnabled(false));
    bridge = Bridge.create(vertx, options).start().await();
    kitchen.awaitRunning();
    office.awaitRunning();
    states.await("kitchen-sat", State.IDLE);
    states.await("office-sat", State.IDLE);
  }

  @AfterEach
  void close() {
    bridge.close().await();
    vertx.close().await();
  }

  private HttpResponse<Buffer> converse(JsonObject body) {
    return WebClient.create(vertx).post(bridge.httpPort(), "127.0.0.1", "/api/conversation/process")
        .sendJsonObject(body).await();
  }

  @Test
  void should_ring_a_timer_set_over_http_on_the_satellite_the_request_names_and_on_no_other() throws Exception {
    HttpResponse<Buffer> answer = converse(new JsonObject().put("text", "set a pasta timer for 10 minutes")
        .put("satellite_id", "kitchen-sat"));

    assertThat(answer.statusCode()).isEqualTo(200);
    WyomingEvent started = kitchen.expect("timer-started");
    TimerService timers = bridge.timers().orElseThrow();
    Timer pasta = timers.list().get(0);
    assertThat(pasta.satellite()).isEqualTo("kitchen-sat");
    assertThat(pasta.room()).isEqualTo("kitchen");
    assertThat(started.data().getString("id")).isEqualTo(pasta.id());
    assertThat(started.data().getString("name")).isEqualTo("pasta");
    assertThat(started.data().getInteger("total_seconds")).isEqualTo(600);

    timers.cancel(pasta.id());

    assertThat(kitchen.expect("timer-cancelled").data().getString("id")).isEqualTo(pasta.id());
    assertThat(office.drain()).noneMatch(e -> e.type().startsWith("timer-"));
  }

  @Test
  void should_refuse_a_satellite_voice_does_not_know_and_start_no_timer() {
    HttpResponse<Buffer> answer = converse(new JsonObject().put("text", "set a pasta timer for 10 minutes")
        .put("satellite_id", "attic-sat"));

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(ollama.requestCount()).isZero();
    assertThat(bridge.timers().orElseThrow().list()).isEmpty();
  }
}
