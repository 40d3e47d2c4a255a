package io.harpou.benchmarks.agent;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.bridge.vertx.agent.AgentOptions;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.harpou.bridge.vertx.memory.MemoryOptions;
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
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole agent turns in running hubs (real HA client on the virtual home, memory off, tools-home on the class path):
 * <ul>
 *   <li>{@code loopStep}: one model step with an in-process model that answers at once ({@link InstantModelProvider}):
 *       the agent's own overhead per LLM step, model excluded (prompt and home selection, history read and write,
 *       events, the streaming callbacks moved to the turn's context);</li>
 *   <li>{@code scriptedOllamaStep}: the same step through LangChain4j's Ollama client and the scripted Ollama over
 *       loopback HTTP, to show what the client and HTTP add;</li>
 *   <li>{@code interpreterTurn}: "turn on the kitchen light" handled by tools-home's real intent matcher, acting
 *       through the policy executor (audit row) and the HA client on the virtual home;</li>
 *   <li>{@code concurrentLoopSteps} / {@code concurrentInterpreterTurns}: 32 conversations at once.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class AgentTurnBenchmark {

  private static final AtomicLong CONVERSATIONS = new AtomicLong();

  private Vertx vertx;
  private VirtualHomeAssistant home;
  private ScriptedOllama ollama;
  private Bridge instantHub;
  private Bridge ollamaHub;
  private Agent instant;
  private Agent scripted;

  /** One conversation per benchmark thread, so concurrent turns do not share a history. */
  @State(Scope.Thread)
  public static class Conversation {
    final String id = "bench-" + CONVERSATIONS.incrementAndGet();
  }

  @Setup(Level.Trial)
  public void start() throws Exception {
    vertx = Vertx.vertx();
    home = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions()).start().await();
    ollama = ScriptedOllama.create(vertx, new ScriptedOllamaOptions()).start().await();
    ollama.addRule(OllamaMatch.any().thenReply(OllamaReply.text(InstantModelProvider.ANSWER)));
    instantHub = hub(new JsonObject().put("provider", new JsonObject().put("id", "instant")));
    ollamaHub = hub(new JsonObject().put("ollama", new JsonObject().put("url", ollama.baseUrl())));
    instant = instantHub.agent().orElseThrow();
    scripted = ollamaHub.agent().orElseThrow();
    check(ask(instant, "How is the kitchen?", "check"), InstantModelProvider.ANSWER);
    check(ask(scripted, "How is the kitchen?", "check"), InstantModelProvider.ANSWER);
    Reply acted = ask(instant, "turn on the kitchen light", "check");
    if (acted.actions().isEmpty() || !"on".equals(home.state("light.kitchen").getString("state"))) {
      throw new IllegalStateException("the intent matcher did not act: " + acted.toJson());
    }
  }

  private Bridge hub(JsonObject agent) throws Exception {
    BridgeOptions options = new BridgeOptions().setDataDir(Files.createTempDirectory("agent-bench"))
        .setHttpEnabled(false)
        .setHomeAssistant(new HomeAssistantOptions().setUrl(home.url()).setToken(home.accessToken()))
        .setMemory(new MemoryOptions().setEnabled(false))
        .setAgent(new AgentOptions(agent).setHistoryLimit(4));
    return Bridge.create(vertx, options).start().await();
  }

  private static void check(Reply reply, String expected) {
    if (!expected.equals(reply.speech())) {
      throw new IllegalStateException("unexpected reply: " + reply.toJson());
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    instantHub.close().await();
    ollamaHub.close().await();
    vertx.close().await();
  }

  private static Reply ask(Agent agent, String text, String conversation) throws Exception {
    return agent.ask(new Utterance(text, "en", conversation, null, "kitchen", null, null))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** One model step, model excluded: the agent's overhead per LLM step. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public Reply loopStep(Conversation c) throws Exception {
    return ask(instant, "How is the kitchen?", c.id);
  }

  /** One model step through the Ollama client and the scripted Ollama on loopback. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public Reply scriptedOllamaStep(Conversation c) throws Exception {
    return ask(scripted, "How is the kitchen?", c.id);
  }

  /** The interpreter fast path: the real matcher, the executor, the HA call on the virtual home. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public Reply interpreterTurn(Conversation c) throws Exception {
    return ask(instant, "turn on the kitchen light", c.id);
  }

  /** Model steps (model excluded) from 32 conversations at once. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(32)
  public Reply concurrentLoopSteps(Conversation c) throws Exception {
    return ask(instant, "How is the kitchen?", c.id);
  }

  /** Interpreter turns acting on the home from 32 conversations at once. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(32)
  public Reply concurrentInterpreterTurns(Conversation c) throws Exception {
    return ask(instant, "turn on the kitchen light", c.id);
  }
}
