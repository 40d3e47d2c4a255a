package io.harpou.benchmarks.system;

import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolGate;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One tool call through the hub's policy point with a tool that does no work, so all that is measured is the policy
 * point's own cost: lookup, risk and channel rules, argument validation against the schema, the tool context, the
 * started and finished events, and the audit row written to SQLite (a call outside a turn waits for its row).
 * {@code noopRead} is a READ call; {@code systemInfo} adds a real system tool's work for comparison.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class PolicyPointBenchmark {

  private Vertx vertx;
  private Bridge hub;
  private ToolGate executor;
  private final Utterance utterance = new Utterance("bench", "en", "bench-policy", Channel.CONSOLE, null, null,
      "bench");

  @Setup(Level.Trial)
  public void start() throws Exception {
    vertx = Vertx.vertx();
    BridgeOptions options = new BridgeOptions().setDataDir(Files.createTempDirectory("policy-bench"))
        .setHttpEnabled(false)
        .setSection("memory", new JsonObject().put("enabled", false))
        .setSection("monitors", new JsonObject().put("enabled", false))
        .setSection("tools", new JsonObject().put("enabled", new JsonArray().add("bench").add("system")));
    hub = ExecutorCapture.installed(() -> Bridge.create(vertx, options).start().await());
    hub.agent().orElseThrow().ask(utterance).toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    executor = ExecutorCapture.EXECUTOR.get();
    if (executor == null || call("noop").error()) {
      throw new IllegalStateException("the policy executor was not captured or the noop tool failed");
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    hub.close().await();
    vertx.close().await();
  }

  private ToolResult call(String tool) throws Exception {
    return executor.execute(ToolCall.of(tool, new JsonObject()), utterance).toCompletionStage()
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** A call whose tool does nothing: the policy point's overhead. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public ToolResult noopRead() throws Exception {
    return call("noop");
  }

  /** A call of system_info, which reads /proc: overhead plus a small real tool's work. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public ToolResult systemInfo() throws Exception {
    return call("system_info");
  }
}
