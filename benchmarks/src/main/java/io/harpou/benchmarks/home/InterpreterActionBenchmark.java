package io.harpou.benchmarks.home;

import io.harpou.bridge.api.agent.Interpretation;
import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolGate;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.vertx.ha.HomeAssistantClient;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.harpou.tools.home.HomeToolProvider;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One utterance to one action done in the virtual home: the local-intents interpreter matches it, runs the tool
 * through an executor, the tool calls {@code call_service} over the real Home Assistant client (WebSocket on
 * loopback), and the reply is worded once the virtual home has answered. Commands alternate between two sentences
 * (on/off, 30/70 %) so that every call changes the home. No agent, policy or audit: those are measured in the agent
 * benchmarks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InterpreterActionBenchmark {

  /** Two sentences used alternately, then the language; a single sentence is a query that changes nothing. */
  @Param({"turn on the kitchen light/turn off the kitchen light|en",
      "mets la lumière du bureau à trente pour cent/mets la lumière du bureau à soixante-dix pour cent|fr",
      "is the kitchen light on|en"})
  public String script;

  private Vertx vertx;
  private VirtualHomeAssistant ha;
  private HomeAssistantClient client;
  private Interpreter interpreter;
  private ToolGate executor;
  private final Map<String, Tool> tools = new HashMap<>();
  private Utterance[] utterances;
  private int turn;
  private final JsonObject config = new JsonObject();
  private Path dataDir;

  @Setup(Level.Trial)
  public void start() throws Exception {
    vertx = Vertx.vertx();
    ha = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions());
    ha.start().await();
    client = HomeAssistantClient.create(vertx, new HomeAssistantOptions().setUrl(ha.url())
        .setToken(ha.accessToken()));
    client.connect().await();
    HomeToolProvider provider = new HomeToolProvider();
    provider.tools(config).forEach(t -> tools.put(t.name(), t));
    interpreter = provider.interpreters(config).get(0);
    dataDir = Files.createTempDirectory("interpreter-bench");
    executor = (call, utterance) -> {
      Tool tool = tools.get(call.name());
      return tool == null ? Future.succeededFuture(ToolResult.error("no tool " + call.name()))
          : tool.call(call, context(utterance));
    };
    String[] parts = script.split("\\|");
    String[] sentences = parts[0].split("/");
    utterances = new Utterance[sentences.length];
    for (int i = 0; i < sentences.length; i++) {
      utterances[i] = new Utterance(sentences[i], parts[1], null, null, null, "satellite", null);
    }
    for (int i = 0; i < 20; i++) {
      if (act().reply() == null) {
        throw new IllegalStateException("not understood: " + script);
      }
    }
  }

  private ToolContext context(Utterance utterance) {
    return ToolContext.builder(vertx, utterance).home(client).config(config).dataDir(dataDir).build();
  }

  @TearDown(Level.Trial)
  public void stop() {
    client.close().await();
    ha.close().await();
    vertx.close().await();
  }

  @Benchmark
  public Interpretation act() {
    Utterance u = utterances[turn++ % utterances.length];
    return interpreter.interpret(u, context(u), executor).await();
  }
}
