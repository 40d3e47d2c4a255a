package io.harpou.benchmarks.agent;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.ScriptedOllama;
import io.harpou.testkit.ollama.ScriptedOllamaOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Whole agent turns in a running hub (real HA client on the virtual home, scripted Ollama answering at once over
 * loopback HTTP): a one-step model turn, the interpreter fast path, and model turns from many conversations at once.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AgentTurnBenchmark {

  private Vertx vertx;
  private VirtualHomeAssistant home;
  private ScriptedOllama ollama;
  private Bridge bridge;
  private Agent agent;

  @Setup(Level.Trial)
  public void start() throws Exception {
    vertx = Vertx.vertx();
    home = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions()).start().await();
    ollama = ScriptedOllama.create(vertx, new ScriptedOllamaOptions()).start().await();
    ollama.addRule(OllamaMatch.any().thenReply(OllamaReply.text("It is done.")));
    BridgeOptions options = new BridgeOptions().setDataDir(Files.createTempDirectory("agent-bench"))
        .setHttpEnabled(false)
        .setSection("home_assistant", new JsonObject().put("url", home.url()).put("token", home.accessToken()))
        .setSection("agent", new JsonObject().put("history_limit", 4)
            .put("ollama", new JsonObject().put("url", ollama.baseUrl())));
    bridge = Bridge.create(vertx, options).start().await();
    agent = bridge.context().agent().orElseThrow();
  }

  @TearDown(Level.Trial)
  public void stop() {
    bridge.close().await();
    vertx.close().await();
  }

  private Reply ask(String text) throws Exception {
    return agent.ask(new Utterance(text, "en", "bench-" + Thread.currentThread().getId(), null, "kitchen", null,
        null)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** One model step: prompt, home selection, history, streamed answer, audit-free reply, history write. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public Reply modelTurn() throws Exception {
    return ask("How is the kitchen?");
  }

  /** The timer interpreter answering without the model (set_timer through the executor, audit and task rows). */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public Reply interpreterTurn() throws Exception {
    return ask("set a timer for 10 minutes");
  }

  /** Model turns from 32 conversations at once. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(32)
  public Reply concurrentModelTurns() throws Exception {
    return ask("How is the kitchen?");
  }
}
